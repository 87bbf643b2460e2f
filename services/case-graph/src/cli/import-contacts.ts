/**
 * Imports a contact list (CSV) into case-graph, with a progress bar and a per-row report:
 *   npx tsx services/case-graph/src/cli/import-contacts.ts contacts.csv \
 *     [--address localhost:50053] [--token $TOKEN] [--report problems.csv]
 * The token defaults to TRUYVET_TOKEN. Exit code 0 when no row was rejected, 1 otherwise.
 */
import { runCsvImport } from '@truyvet/cli';
import { createClient, loadGrpcObject } from '@truyvet/grpc';
import type { CasesProto } from '@truyvet/grpc/cases';
import { importContactsCsv } from './contacts-csv';

runCsvImport({
  name: 'import-contacts.ts',
  defaultAddress: 'localhost:50053',
  connect: (address, token) =>
    createClient(
      loadGrpcObject<CasesProto>('truyvet/cases/v1/cases.proto').truyvet.cases.v1.Contacts,
      address,
      {
        token,
      },
    ),
  importText: (client, text, onProgress) => importContactsCsv(client, text, { onProgress }),
  summary: (r) =>
    `${r.rows} rows: ${r.recorded} recorded, ${r.unchanged} already known, ` +
    `${r.awaitingIdentification} waiting for the registry, ${r.rejected} rejected`,
  failed: (r) => r.rejected > 0,
});
