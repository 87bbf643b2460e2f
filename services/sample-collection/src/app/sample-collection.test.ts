import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { defaultRuleBook } from '@truyvet/rules';
import { InMemoryAggregateStore } from '@truyvet/store';
import { InMemoryClaims } from '../adapters/claims';
import type { PersonState } from '../domain/registration';
import type { SampleState } from '../domain/samples';
import type { ShipmentState } from '../domain/shipments';
import { SampleCollection } from './sample-collection';

const NOW = new Date('2021-08-25T08:00:00Z');

function person(id: string): PersonState {
  return {
    details: {
      fullName: `Người ${id}`,
      birthYear: 1990,
      phone: '0912000001',
      address: { districtCode: '916', wardCode: '31117' },
      householdId: 'hh-1',
      vaccinations: [],
      comorbidities: [],
    },
    foldedName: `nguoi ${id}`,
    registeredBy: 'ttyt-ninh-kieu',
    audit: [],
  };
}

/** The use case on in-memory stores, with these people registered. */
async function collectionWith(personIds: readonly string[]) {
  const samples = new InMemoryAggregateStore<SampleState>('samples');
  const persons = new InMemoryAggregateStore<PersonState>('persons');
  for (const id of personIds) await persons.save({ id, expectedVersion: 0, state: person(id), events: [] });
  const openPools = new InMemoryClaims();
  const shipments = new InMemoryAggregateStore<ShipmentState>('shipments');
  const collection = new SampleCollection(
    samples,
    persons,
    openPools,
    shipments,
    defaultRuleBook(),
    () => NOW,
  );
  return { samples, openPools, shipments, collection };
}

const pool = (barcode: string, personIds: string[]) => ({
  command: {
    barcode,
    personIds,
    pooled: true,
    collectedAt: '2021-08-25T07:30:00Z',
    site: { districtCode: '916', wardCode: '31117' },
    reason: 'mass_testing' as const,
    specimenType: 'nasopharyngeal' as const,
    collectedBy: 'ttyt-ninh-kieu',
  },
  authorize: () => undefined,
});

describe('collecting a pool whose claim an earlier attempt left behind', () => {
  it('answers "send again", never "already used", until the tube is in', async () => {
    const { samples, openPools, collection } = await collectionWith(['p-1', 'p-2']);
    // An attempt claimed the pool's people under the tube's id and died before saving the tube.
    await openPools.claim(['p-1', 'p-2'], 's-CT-POOL-7');

    const [answer] = await collection.collectSamples([pool('ct-pool-7', ['p-1', 'p-2'])]);
    expect(answer).toBeInstanceOf(DomainError);
    expect(answer).toMatchObject({ code: 'TUBE_BEING_COLLECTED', kind: 'unavailable', retryable: true });
    expect(await samples.load('s-CT-POOL-7')).toBeNull();

    // Once the dead attempt's claim is gone (taken over as an orphan), the tube goes in.
    await openPools.release(['p-1', 'p-2'], 's-CT-POOL-7');
    const [again] = await collection.collectSamples([pool('ct-pool-7', ['p-1', 'p-2'])]);
    expect(again).toMatchObject({ sampleId: 's-CT-POOL-7', pooled: true });
    // And sent once more: now it is truly in, so "already used" is the truth.
    const [third] = await collection.collectSamples([pool('ct-pool-7', ['p-1', 'p-2'])]);
    expect(third).toMatchObject({ code: 'BARCODE_ALREADY_USED' });
  });
});

describe('collecting pools when the store fails the save', () => {
  it('keeps the claims of tubes that went in all the same, and lets go of those that did not', async () => {
    const { samples, collection } = await collectionWith(['p-1', 'p-2', 'p-3', 'p-4']);
    const saveMany = samples.saveMany.bind(samples);

    // The commits go in, then the store goes away before the answer (a head left behind).
    samples.saveMany = async (changes) => {
      await saveMany(changes);
      throw new Error('saved, but the heads are not up yet');
    };
    await expect(collection.collectSamples([pool('ct-pool-8', ['p-1', 'p-2'])])).rejects.toThrow(
      'heads are not up',
    );
    // Its people stay claimed: another pool cannot take them while this one has no result.
    samples.saveMany = saveMany;
    const [other] = await collection.collectSamples([pool('ct-pool-9', ['p-2', 'p-3'])]);
    expect(other).toMatchObject({ code: 'PERSON_IN_OPEN_POOL' });

    // Nothing goes in: the claims go with the failure, and the tube can be collected again.
    samples.saveMany = () => Promise.reject(new Error('the store is away'));
    await expect(collection.collectSamples([pool('ct-pool-10', ['p-3', 'p-4'])])).rejects.toThrow('away');
    samples.saveMany = saveMany;
    const [again] = await collection.collectSamples([pool('ct-pool-10', ['p-3', 'p-4'])]);
    expect(again).toMatchObject({ sampleId: 's-CT-POOL-10', pooled: true });
  });
});

describe("a tube's status as the district reads it", () => {
  it("reads received or rejected from its box's receipt, and its own status otherwise", async () => {
    const { samples, shipments, collection } = await collectionWith([]);
    const tube = (sampleId: string, status: SampleState['status'], shipmentId?: string): SampleState => ({
      sample: {
        sampleId,
        barcode: sampleId.slice(2),
        pooled: false,
        personIds: ['p-1'],
        collectedAt: '2021-08-25T07:30:00.000Z',
        site: { districtCode: '916' },
        reason: 'mass_testing',
        specimenType: 'nasal',
      },
      status,
      collectedBy: 't',
      ...(shipmentId ? { shipmentId } : {}),
    });
    for (const [id, status, box] of [
      ['s-A', 'shipped', 'sh-1'],
      ['s-B', 'shipped', 'sh-1'],
      ['s-C', 'shipped', 'sh-1'],
      ['s-D', 'resulted', 'sh-1'],
      ['s-E', 'shipped', 'sh-2'],
    ] as const)
      await samples.save({ id, expectedVersion: 0, state: tube(id, status, box), events: [] });
    const dispatch = {
      shipmentId: 'sh-1',
      fromDistrictCode: '916',
      labId: 'cdc-can-tho',
      manifest: ['s-A', 's-B', 's-C', 's-D'].map((sampleId) => ({ sampleId, barcode: sampleId.slice(2) })),
      dispatchedAt: '2021-08-25T07:40:00.000Z',
      dispatchedBy: 't',
    };
    await shipments.save({
      id: 'sh-1',
      expectedVersion: 0,
      state: {
        dispatch,
        status: 'received',
        receipt: {
          shipmentId: 'sh-1',
          receivedAt: '2021-08-25T07:55:00.000Z',
          receivedSampleIds: ['s-A', 's-D'],
          missingSampleIds: ['s-C'],
          unexpectedBarcodes: [],
          rejected: [{ sampleId: 's-B', reason: 'leaking' }],
        },
      },
      events: [],
    });
    await shipments.save({
      id: 'sh-2',
      expectedVersion: 0,
      state: { dispatch: { ...dispatch, shipmentId: 'sh-2' }, status: 'in_transit' },
      events: [],
    });
    const statuses = await Promise.all(
      ['s-A', 's-B', 's-C', 's-D', 's-E'].map(async (id) => (await collection.getSample(id))?.status),
    );
    expect(statuses).toEqual(['received', 'rejected', 'shipped', 'resulted', 'shipped']);
  });
});
