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
import { importHouseholdCsv, problemsCsv } from './household-csv';

function bar(done: number, total: number, rejected: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} rows, ${rejected} rejected`;
}

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
    onProgress: (done, total, rejected) => process.stderr.write(bar(done, total, rejected)),
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
    for (const p of report.problems.slice(0, 20))
      console.log(`  line ${p.line}: ${p.field ? `${p.field}: ` : ''}${p.problem}`);
    if (report.problems.length > 20)
      console.log(`  ... ${report.problems.length - 20} more (use --report FILE)`);
  }
  process.exitCode = report.rejected + report.candidates > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
