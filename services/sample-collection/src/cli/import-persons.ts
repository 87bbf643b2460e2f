/**
 * Imports a household list (CSV) into the person registry, with a progress bar and a per-row report:
 *   npx tsx services/sample-collection/src/cli/import-persons.ts households.csv \
 *     [--address localhost:50051] [--token $TOKEN] [--report problems.csv]
 * The token defaults to TRUYVET_TOKEN. Exit code 0 when every row was imported or known, 1 otherwise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createClient, loadGrpcObject } from '@truyvet/grpc';
import type { ProtoGrpcType } from '@truyvet/grpc/src/generated/persons';
import { problemLines, problemsCsv, progressBar } from '@truyvet/cli';
import { importHouseholdCsv } from './household-csv';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      address: { type: 'string', default: 'localhost:50051' },
      token: { type: 'string' },
      report: { type: 'string' },
    },
  });
  const file = positionals[0];
  const token = values.token ?? process.env.TRUYVET_TOKEN;
  if (!file || !token) {
    process.stderr.write(
      'usage: import-persons.ts FILE.csv [--address host:port] [--token T | TRUYVET_TOKEN=T] [--report problems.csv]\n',
    );
    process.exit(2);
  }
  const proto = loadGrpcObject<ProtoGrpcType>('truyvet/samples/v1/persons.proto').truyvet.samples.v1;
  const client = createClient(proto.PersonRegistry, values.address, { token });
  const report = await importHouseholdCsv(client, readFileSync(file, 'utf8'), {
    onProgress: (done, total, rejected) => process.stderr.write(progressBar(done, total, rejected)),
  });
  client.close();
  process.stderr.write('\n');
  console.log(
    `${report.rows} rows: ${report.registered} registered, ${report.existing} already known, ` +
      `${report.candidates} probable duplicates to check, ${report.rejected} rejected`,
  );
  if (values.report) {
    writeFileSync(values.report, problemsCsv(report.problems));
    console.log(`per-row report: ${values.report}`);
  } else {
    for (const line of problemLines(report.problems)) console.log(line);
  }
  process.exitCode = report.rejected + report.candidates > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
