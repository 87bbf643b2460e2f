/**
 * Prints a caller token, for trying the APIs with grpcurl. Signed with the public development key
 * (services in embedded mode accept it), or with the issuer's private key when AUTH_SIGNING_KEY_FILE
 * names its PEM file (an operator's token for a real deployment):
 *   npx tsx scripts/dev-token.ts district_center district 916 [subject]
 *   AUTH_SIGNING_KEY_FILE=issuer-key.pem npx tsx scripts/dev-token.ts admin city 92 ops-1
 */
import { readFileSync } from 'node:fs';
import { DEV_SIGNING_KEY, issueToken, ROLES, type Caller } from '@truyvet/grpc';

async function main(): Promise<void> {
  const [role = 'district_center', level = 'district', code = '916', sub = `dev-${role}-${code}`] =
    process.argv.slice(2);
  if (!(ROLES as readonly string[]).includes(role) || !['city', 'district', 'ward'].includes(level)) {
    console.error(`usage: dev-token.ts <${ROLES.join('|')}> <city|district|ward> <GSO code> [subject]`);
    process.exit(2);
  }
  const keyFile = process.env.AUTH_SIGNING_KEY_FILE;
  const key = keyFile ? readFileSync(keyFile, 'utf8') : DEV_SIGNING_KEY;
  // The audit shows that the calls came through an operator's token, not the console.
  const caller = { sub, role, jurisdiction: { level, code }, client: 'operator-token' } as Caller;
  console.log(await issueToken(key, caller, 8 * 3600));
}

void main();
