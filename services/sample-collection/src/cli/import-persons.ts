/**
 * Imports a household list (CSV) into the person registry, with a progress bar and a per-row report:
 *   npx tsx services/sample-collection/src/cli/import-persons.ts households.csv \
 *     [--address localhost:50051] [--token $TOKEN] [--report problems.csv]
 * The token defaults to TRUYVET_TOKEN. Exit code 0 when every row was imported or known, 1 otherwise.
 */
import { runCsvImport } from '@truyvet/cli';
import { createClient, loadGrpcObject } from '@truyvet/grpc';
import type { PersonsProto } from '@truyvet/grpc/samples';
import { importHouseholdCsv } from './household-csv';

runCsvImport({
  name: 'import-persons.ts',
  defaultAddress: 'localhost:50051',
  connect: (address, token) =>
    createClient(
      loadGrpcObject<PersonsProto>('truyvet/samples/v1/persons.proto').truyvet.samples.v1.PersonRegistry,
      address,
      { token },
    ),
  importText: (client, text, onProgress) => importHouseholdCsv(client, text, { onProgress }),
  summary: (r) =>
    `${r.rows} rows: ${r.registered} registered, ${r.existing} already known, ` +
    `${r.candidates} probable duplicates to check, ${r.rejected} rejected`,
  failed: (r) => r.rejected + r.candidates > 0,
});
