/** The lab: boxes accessioned, results recorded, a tube's results read and amended. */
import { callerOf, parseInput } from '../../../app/users';
import { amendmentSchema, barcodeSchema, resultRowsSchema, scannedBoxSchema } from '../../../app/forms';
import type { Route, Services } from './route';

export function labRoutes({ lab, logger }: Services): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/accessions',
      handle: async (call) => {
        const session = await call.signedIn(true);
        const box = parseInput(scannedBoxSchema, await call.body(), 'box');
        const accession = await lab.accession(callerOf(session), box);
        logger.info(
          { user: session.username, shipment: box.shipmentId, tubes: box.tubes.length },
          'box accessioned',
        );
        return { status: 200, body: { accession } };
      },
    },
    {
      method: 'POST',
      path: '/api/results',
      handle: async (call) => {
        const session = await call.signedIn(true);
        const { rows } = parseInput(resultRowsSchema, await call.body(), 'results');
        const recorded = await lab.recordResults(callerOf(session), rows);
        logger.info(
          { user: session.username, rows: rows.length, rejected: recorded.rejected },
          'results recorded',
        );
        return { status: 200, body: recorded };
      },
    },
    {
      method: 'GET',
      path: /^\/api\/results\/([^/]+)$/,
      handle: async (call) => {
        const barcode = parseInput(barcodeSchema, decodeURIComponent(call.params[0] ?? ''), 'barcode');
        const session = await call.signedIn(false);
        return { status: 200, body: { sample: await lab.sampleResults(callerOf(session), barcode) } };
      },
    },
    {
      method: 'POST',
      path: /^\/api\/results\/([^/]+)\/amend$/,
      handle: async (call) => {
        const barcode = parseInput(barcodeSchema, decodeURIComponent(call.params[0] ?? ''), 'barcode');
        const session = await call.signedIn(true);
        const amendment = parseInput(amendmentSchema, await call.body(), 'amendment');
        const sample = await lab.amendResult(callerOf(session), { ...amendment, barcode });
        logger.info({ user: session.username, barcode, outcome: amendment.outcome }, 'result amended');
        return { status: 200, body: { sample } };
      },
    },
  ];
}
