/**
 * Records results from a CSV file (typed, or an RT-PCR instrument export), with a progress bar and
 * a per-row report:
 *   npx tsx services/lab-results/src/cli/import-results.ts plate.csv \
 *     [--address localhost:50052] [--token $TOKEN] [--report problems.csv]
 * The token defaults to TRUYVET_TOKEN (a lab role). Exit code 0 when every row was recorded, 1 otherwise.
 */
import { runCsvImport } from '@truyvet/cli';
import { createClient, loadGrpcObject } from '@truyvet/grpc';
import type { LabProto } from '@truyvet/grpc/lab';
import { importResultsCsv } from './results-csv';

runCsvImport({
  name: 'import-results.ts',
  defaultAddress: 'localhost:50052',
  unit: 'tubes',
  connect: (address, token) =>
    createClient(loadGrpcObject<LabProto>('truyvet/lab/v1/lab.proto').truyvet.lab.v1.Results, address, {
      token,
    }),
  importText: (client, text, onProgress) => importResultsCsv(client, text, { onProgress }),
  summary: (r) =>
    `${r.rows} tubes: ${r.recorded} recorded (${r.positive} positive), ` +
    `${r.unchanged} already recorded, ${r.rejected} rejected`,
  failed: (r) => r.rejected > 0,
});
