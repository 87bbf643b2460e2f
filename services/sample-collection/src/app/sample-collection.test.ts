import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { defaultRuleBook } from '@truyvet/rules';
import { InMemoryAggregateStore } from '@truyvet/store';
import { InMemoryClaims } from '../adapters/claims';
import type { PersonState } from '../domain/registration';
import type { SampleState } from '../domain/samples';
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
    const samples = new InMemoryAggregateStore<SampleState>('samples');
    const persons = new InMemoryAggregateStore<PersonState>('persons');
    for (const id of ['p-1', 'p-2'])
      await persons.save({ id, expectedVersion: 0, state: person(id), events: [] });
    const openPools = new InMemoryClaims();
    const collection = new SampleCollection(samples, persons, openPools, defaultRuleBook(), () => NOW);
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
