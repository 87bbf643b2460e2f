import { describe, expect, it } from '@jest/globals';
import { InMemoryAggregateStore, InMemoryDocuments } from '@truyvet/store';
import { newLabSample, type LabSampleState } from '../domain/lab-sample';
import { Receipts, type ReceiptDocument } from './receipts';

function tube(barcode: string): LabSampleState {
  return newLabSample({
    sampleId: barcode,
    barcode,
    pooled: false,
    personIds: ['p-1'],
    collectedAt: '2021-11-07T08:30:00+07:00',
    site: { districtCode: '916', wardCode: '31117' },
    reason: 'mass_testing',
    specimenType: 'oropharyngeal',
  });
}

const received = { shipmentId: 'sh-1', receivedAt: '2021-11-07T14:00:00.000Z', labId: 'cdc-can-tho' };

function setUp() {
  const docs = new InMemoryDocuments<ReceiptDocument>();
  const receipts = new Receipts(docs);
  const raw = new InMemoryAggregateStore<LabSampleState>('lab_samples');
  return { docs, receipts, raw, samples: receipts.joinedTo(raw) };
}

describe('tubes read with their receipts', () => {
  it('joins a receipt filed before the tube was known, and one filed after', async () => {
    const { receipts, raw, samples } = setUp();
    await receipts.record(new Map([['CT-1', received]]));
    await raw.save({ id: 'CT-1', expectedVersion: 0, state: tube('CT-1'), events: [] });
    await raw.save({ id: 'CT-2', expectedVersion: 0, state: tube('CT-2'), events: [] });
    await receipts.record(new Map([['CT-2', { ...received, rejectedReason: 'leaking' }]]));

    const found = await samples.loadMany(['CT-1', 'CT-2', 'CT-3']);
    expect(found.get('CT-1')?.state).toMatchObject({ ...received, results: [] });
    expect(found.get('CT-2')?.state).toMatchObject({
      receivedAt: received.receivedAt,
      rejectedAtAccession: 'leaking',
    });
    expect(found.has('CT-3')).toBe(false); // a receipt alone is no tube
    expect((await samples.load('CT-1'))?.state.receivedAt).toBe(received.receivedAt);
    expect(await samples.load('CT-3')).toBeNull();
  });

  it('keeps the first receipt of a tube, and what the record holds over any receipt', async () => {
    const { receipts, raw, samples } = setUp();
    await receipts.record(new Map([['CT-1', received]]));
    await receipts.record(
      new Map([['CT-1', { ...received, shipmentId: 'sh-2', receivedAt: '2021-11-09T00:00:00.000Z' }]]),
    );
    await raw.save({ id: 'CT-1', expectedVersion: 0, state: tube('CT-1'), events: [] });
    expect((await samples.load('CT-1'))?.state.shipmentId).toBe('sh-1');

    // Saved through the joined store, the record carries the receipt from then on.
    const loaded = await samples.load('CT-1');
    if (!loaded) throw new Error('CT-1 not found');
    await samples.save({ id: 'CT-1', expectedVersion: loaded.version, state: loaded.state, events: [] });
    expect((await raw.load('CT-1'))?.state.receivedAt).toBe(received.receivedAt);
  });

  it('reads receipts filed in the older form (an aggregate head) too', async () => {
    const { docs, raw, samples, receipts } = setUp();
    await docs.insert([{ _id: 'CT-9', v: 1, state: received }]);
    await raw.save({ id: 'CT-9', expectedVersion: 0, state: tube('CT-9'), events: [] });
    expect((await samples.load('CT-9'))?.state.labId).toBe('cdc-can-tho');
    const [joined] = await receipts.join([tube('CT-9')]);
    expect(joined?.shipmentId).toBe('sh-1');
  });
});
