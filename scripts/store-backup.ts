/**
 * Backs up or restores the services' databases with the MongoDB driver (libs/store backup.ts):
 * an operator's command, run as docs/runbooks/backup-and-restore.md says.
 *   MONGODB_URI=... npm run store:backup -- <dir> [database ...]
 *   MONGODB_URI=... npm run store:restore -- <dir> [--replace]
 * Without databases, the four services', their audits' (AUDIT_DB) and the console's (default names). TLS and the user
 * come in the URI, as for the services.
 */
import { MongoClient } from 'mongodb';
import { z } from 'zod';
import { env, loadConfigOrExit } from '@truyvet/config';
import { backupDatabases, RestoreRefused, restoreDatabases } from '@truyvet/store';

const SERVICE_DATABASES = [
  'truyvet-sample-collection',
  'truyvet-lab-results',
  'truyvet-case-graph',
  'truyvet-reporting',
  'truyvet-console',
  // The read audits where a deployment keeps them apart (AUDIT_DB): empty, and so skipped, elsewhere.
  'truyvet-sample-collection-audit',
  'truyvet-lab-results-audit',
  'truyvet-case-graph-audit',
  'truyvet-reporting-audit',
];

const schema = z.object({ MONGODB_URI: env.string() });

function usage(): never {
  console.error(
    'usage: store-backup.ts backup <dir> [database ...] | restore <dir> [--replace]\n' +
      `  (databases by default: ${SERVICE_DATABASES.join(', ')})`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const [command, dir, ...rest] = process.argv.slice(2);
  if (!dir || (command !== 'backup' && command !== 'restore')) usage();
  const config = loadConfigOrExit(schema);
  const client = await MongoClient.connect(config.MONGODB_URI, { appName: 'truyvet-store-backup' });
  try {
    if (command === 'backup') {
      const names = rest.length > 0 ? rest : SERVICE_DATABASES;
      const manifest = await backupDatabases(client, names, dir);
      for (const db of manifest.databases)
        console.log(
          `${db.name}: ${db.collections.map((c) => `${c.name} ${String(c.documents)}`).join(', ') || 'empty'}`,
        );
      console.log(`backed up to ${dir}, started ${manifest.startedAt}, finished ${manifest.finishedAt}`);
    } else {
      if (rest.some((arg) => arg !== '--replace')) usage();
      const manifest = await restoreDatabases(client, dir, { replace: rest.includes('--replace') });
      console.log(
        `restored ${String(manifest.databases.length)} databases from the backup started ${manifest.startedAt}: ` +
          'reset the consumer groups to that time (docs/runbooks/backup-and-restore.md)',
      );
    }
  } catch (error) {
    if (error instanceof RestoreRefused) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await client.close();
  }
}

void main();
