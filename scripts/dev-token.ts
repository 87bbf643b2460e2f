/**
 * Prints a caller token signed with the public development key, for trying the APIs with grpcurl
 * against services in embedded mode (or with AUTH_SIGNING_KEY unset):
 *   npx tsx scripts/dev-token.ts district_center district 916 [subject]
 */
import { DEV_SIGNING_KEY, issueToken, ROLES, type Caller } from '@truyvet/grpc';

async function main(): Promise<void> {
  const [role = 'district_center', level = 'district', code = '916', sub = `dev-${role}-${code}`] =
    process.argv.slice(2);
  if (!(ROLES as readonly string[]).includes(role) || !['city', 'district', 'ward'].includes(level)) {
    console.error(`usage: dev-token.ts <${ROLES.join('|')}> <city|district|ward> <GSO code> [subject]`);
    process.exit(2);
  }
  const caller = { sub, role, jurisdiction: { level, code } } as Caller;
  console.log(await issueToken(DEV_SIGNING_KEY, caller, 8 * 3600));
}

void main();
