import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { defaultRuleBook } from '@truyvet/rules';
import { InMemoryAggregateStore } from '@truyvet/store';
import { InMemoryClaims } from '../adapters/claims';
import { InMemoryShipmentQueries } from '../adapters/shipment-queries';
import type { SampleState } from '../domain/samples';
import { sampleStatus, type ShipmentState } from '../domain/shipments';
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

describe("ShipmentDesk.receiveShipment: the lab's receipt kept on the box", () => {
  const receipt = (shipmentId: string) => ({
    shipmentId,
    receivedAt: '2021-11-07T05:00:00.000Z',
    receivedSampleIds: ['s-1'],
    missingSampleIds: ['s-3'],
    unexpectedBarcodes: [],
    rejected: [{ sampleId: 's-2', reason: 'leaking' }],
  });

  it('writes no tube that names its box, and each tube reads received, rejected or still shipped from it', async () => {
    const { desk, samples, shipments } = await deskWith(['s-1', 's-2', 's-3']);
    const shipment = await desk.dispatchShipment(box(['s-1', 's-2', 's-3']));
    const id = shipment.dispatch.shipmentId;
    const versions = async () =>
      Promise.all(['s-1', 's-2', 's-3'].map(async (t) => (await samples.load(t))?.version));
    const before = await versions();
    await desk.receiveShipment(receipt(id));
    await desk.receiveShipment(receipt(id)); // a redelivery changes nothing

    expect(await versions()).toEqual(before);
    const box_ = (await shipments.load(id))?.state;
    const statuses = await Promise.all(
      ['s-1', 's-2', 's-3'].map(async (t) => {
        const tube = await samples.load(t);
        return tube ? sampleStatus(tube.state, box_) : undefined;
      }),
    );
    expect(statuses).toEqual(['received', 'rejected', 'shipped']);
  });

  it('still writes the status of tubes shipped before they named their box, never over a result', async () => {
    const { desk, samples, shipments } = await deskWith(['s-1', 's-2', 's-3']);
    const shipment = await desk.dispatchShipment(box(['s-1', 's-2', 's-3']));
    const id = shipment.dispatch.shipmentId;
    // As a tube dispatched by an earlier release was stored: shipped, without its box.
    for (const t of ['s-1', 's-2', 's-3']) {
      const tube = await samples.load(t);
      if (!tube) throw new Error(`${t} missing`);
      const { shipmentId: _, ...older } = tube.state;
      await samples.save({ id: t, expectedVersion: tube.version, state: older, events: [] });
    }
    // s-3's result came before the box's receipt: resulted stays resulted.
    const s3 = await samples.load('s-3');
    if (!s3) throw new Error('s-3 missing');
    await samples.save({
      id: 's-3',
      expectedVersion: s3.version,
      state: { ...s3.state, status: 'resulted' },
      events: [],
    });
    await desk.receiveShipment({ ...receipt(id), receivedSampleIds: ['s-1', 's-3'], missingSampleIds: [] });
    expect((await samples.load('s-1'))?.state.status).toBe('received');
    expect((await samples.load('s-2'))?.state.status).toBe('rejected');
    expect((await samples.load('s-3'))?.state.status).toBe('resulted');
    expect((await shipments.load(id))?.state.status).toBe('received');
  });
});
