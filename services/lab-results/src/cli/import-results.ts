/**
 * Records results from a CSV file (typed, or an RT-PCR instrument export), with a progress bar and
 * a per-row report:
 *   npx tsx services/lab-results/src/cli/import-results.ts plate.csv \
 *     [--address localhost:50052] [--token $TOKEN] [--report problems.csv]
 * The token defaults to TRUYVET_TOKEN (a lab role). Exit code 0 when every row was recorded, 1 otherwise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { problemLines, problemsCsv, progressBar } from '@truyvet/cli';
import { createClient, loadGrpcObject } from '@truyvet/grpc';
import type { ProtoGrpcType } from '@truyvet/grpc/src/generated/lab';
import { importResultsCsv } from './results-csv';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      address: { type: 'string', default: 'localhost:50052' },
      token: { type: 'string' },
      report: { type: 'string' },
    },
  });
  const file = positionals[0];
  const token = values.token ?? process.env.TRUYVET_TOKEN;
  if (!file || !token) {
    process.stderr.write(
      'usage: import-results.ts FILE.csv [--address host:port] [--token T | TRUYVET_TOKEN=T] [--report problems.csv]\n',
    );
    process.exit(2);
  }
  const proto = loadGrpcObject<ProtoGrpcType>('truyvet/lab/v1/lab.proto').truyvet.lab.v1;
  const client = createClient(proto.Results, values.address, { token });
  const report = await importResultsCsv(client, readFileSync(file, 'utf8'), {
    onProgress: (done, total, rejected) => process.stderr.write(progressBar(done, total, rejected, 'tubes')),
  });
  client.close();
  process.stderr.write('\n');
  console.log(
    `${report.rows} tubes: ${report.recorded} recorded (${report.positive} positive), ` +
      `${report.unchanged} already recorded, ${report.rejected} rejected`,
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
