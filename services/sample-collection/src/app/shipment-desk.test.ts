import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { defaultRuleBook } from '@truyvet/rules';
import { InMemoryAggregateStore } from '@truyvet/store';
import { InMemoryClaims } from '../adapters/claims';
import { InMemoryShipmentQueries } from '../adapters/shipment-queries';
import type { SampleState } from '../domain/samples';
import type { ShipmentState } from '../domain/shipments';
import { ShipmentDesk, shipmentIdFor } from './shipment-desk';

function collected(sampleId: string): SampleState {
  return {
    status: 'collected',
    collectedBy: 't',
    sample: {
      sampleId,
      barcode: sampleId.slice(2),
      pooled: false,
      personIds: [`p-${sampleId}`],
      collectedAt: '2021-11-07T01:00:00.000Z',
      site: { districtCode: '916' },
      reason: 'mass_testing',
      specimenType: 'nasal',
    },
  };
}

async function deskWith(sampleIds: string[]) {
  const samples = new InMemoryAggregateStore<SampleState>('samples');
  const shipments = new InMemoryAggregateStore<ShipmentState>('shipments');
  for (const id of sampleIds)
    await samples.save({ id, expectedVersion: 0, state: collected(id), events: [] });
  const shipped = new InMemoryClaims();
  const desk = new ShipmentDesk(
    shipments,
    samples,
    shipped,
    new InMemoryClaims(),
    new InMemoryShipmentQueries(shipments),
    defaultRuleBook(),
  );
  return { desk, samples, shipments, shipped };
}

const box = (sampleIds: string[]) => ({
  fromDistrictCode: '916',
  labId: 'cdc-can-tho',
  sampleIds,
  dispatchedBy: 'ttyt-ninh-kieu',
});

describe('ShipmentDesk.dispatchShipment sent again', () => {
  it('answers the shipment the first call made, whatever the order of the tubes', async () => {
    const { desk, shipments } = await deskWith(['s-1', 's-2']);
    const first = await desk.dispatchShipment(box(['s-1', 's-2']));
    const again = await desk.dispatchShipment(box(['s-2', 's-1']));
    expect(again.dispatch.shipmentId).toBe(first.dispatch.shipmentId);
    expect(await shipments.load(first.dispatch.shipmentId)).toMatchObject({ version: 1 });
  });

  it('dispatches when an earlier attempt of the same box died holding its tubes, before the shipment was saved', async () => {
    const { desk, samples, shipped } = await deskWith(['s-1', 's-2', 's-3']);
    const command = box(['s-1', 's-2', 's-3']);
    // The earlier attempt claimed two of the three tubes, then died.
    await shipped.claim(['s-1', 's-2'], shipmentIdFor(command));
    const shipment = await desk.dispatchShipment(command);
    expect(shipment.dispatch.manifest.map((m) => m.sampleId)).toEqual(['s-1', 's-2', 's-3']);
    expect((await samples.load('s-3'))?.state.status).toBe('shipped');
  });

  it('still refuses tubes another box holds', async () => {
    const { desk, shipped } = await deskWith(['s-1', 's-2']);
    // Another box being packed at this moment holds s-1 (its tubes are not yet shown as shipped).
    await shipped.claim(['s-1'], 'sh-other');
    const refused = await desk.dispatchShipment(box(['s-2', 's-1'])).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('SAMPLE_ALREADY_SHIPPED');
  });
});
