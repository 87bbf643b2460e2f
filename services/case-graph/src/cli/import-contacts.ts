/**
 * Imports a contact list (CSV) into case-graph, with a progress bar and a per-row report:
 *   npx tsx services/case-graph/src/cli/import-contacts.ts contacts.csv \
 *     [--address localhost:50053] [--token $TOKEN] [--report problems.csv]
 * The token defaults to TRUYVET_TOKEN. Exit code 0 when no row was rejected, 1 otherwise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { problemLines, problemsCsv, progressBar } from '@truyvet/cli';
import { createClient, loadGrpcObject } from '@truyvet/grpc';
import type { ProtoGrpcType } from '@truyvet/grpc/src/generated/cases';
import { importContactsCsv } from './contacts-csv';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      address: { type: 'string', default: 'localhost:50053' },
      token: { type: 'string' },
      report: { type: 'string' },
    },
  });
  const file = positionals[0];
  const token = values.token ?? process.env.TRUYVET_TOKEN;
  if (!file || !token) {
    process.stderr.write(
      'usage: import-contacts.ts FILE.csv [--address host:port] [--token T | TRUYVET_TOKEN=T] [--report problems.csv]\n',
    );
    process.exit(2);
  }
  const proto = loadGrpcObject<ProtoGrpcType>('truyvet/cases/v1/cases.proto').truyvet.cases.v1;
  const client = createClient(proto.Contacts, values.address, { token });
  const report = await importContactsCsv(client, readFileSync(file, 'utf8'), {
    onProgress: (done, total, rejected) => process.stderr.write(progressBar(done, total, rejected)),
  });
  client.close();
  process.stderr.write('\n');
  console.log(
    `${report.rows} rows: ${report.recorded} recorded, ${report.unchanged} already known, ` +
      `${report.awaitingIdentification} waiting for the registry, ${report.rejected} rejected`,
  );
  if (values.report) {
    writeFileSync(values.report, problemsCsv(report.problems));
    console.log(`per-row report: ${values.report}`);
  } else {
    for (const line of problemLines(report.problems)) console.log(line);
  }
  process.exitCode = report.rejected > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
