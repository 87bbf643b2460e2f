import { describe, expect, it } from '@jest/globals';
import { createEvent, PersonRegisteredV1, PersonTestResultedV1, type Envelope } from '@truyvet/events';
import { defaultTracingRuleBook } from '@truyvet/rules';
import { InMemoryAggregateStore, InMemoryDocuments, KeyIndex, type KeyIndexState } from '@truyvet/store';
import { inMemoryStates } from '../adapters/documents';
import { personDirectory, recordQueries, resultLog } from '../adapters/queries';
import type { TracingRecord } from '../domain/types';
import type { DirectoryEntry, PersonDirectory } from './ports';
import { TracingDesk } from './tracing';

const HOUSEHOLD = 'hh-race';

function registration(personId: string) {
  return createEvent(PersonRegisteredV1, {
    personId,
    details: {
      fullName: `Trần Thị ${personId}`,
      birthYear: 1990,
      address: { districtCode: '918', wardCode: '31168' },
      householdId: HOUSEHOLD,
      vaccinations: [],
      comorbidities: [],
    },
    registeredBy: 'ttyt-binh-thuy',
  });
}

function positive(personId: string) {
  const now = new Date();
  return createEvent(PersonTestResultedV1, {
    resultId: `r-${personId}`,
    sampleId: `s-${personId}`,
    barcode: `CTRACE${personId}`.toUpperCase(),
    method: 'rt_pcr',
    outcome: 'positive',
    ctValues: { E: 21, N: 23 },
    kitId: 'allplex-2019-ncov',
    ruleSetId: 'can-tho-2021-provisional',
    labId: 'lab-92',
    recordedBy: 'ktv-cdc',
    collectedAt: new Date(now.getTime() - 3_600_000).toISOString(),
    resultedAt: new Date(now.getTime() - 60_000).toISOString(),
    samplingReason: 'mass_testing',
    siteDistrictCode: '918',
    siteWardCode: '31168',
    personId,
    pooled: false,
  });
}

/**
 * A desk on in-memory stores whose directory stops once, at the first read `stopsAt` picks (after
 * reading), until `release`: what another handler does in that gap is what a test is about.
 */
function deskWithGap(
  stopsAt: 'householdMembers' | 'get' | 'getMany' = 'householdMembers',
  when: (ids: readonly string[]) => boolean = () => true,
) {
  const records = new InMemoryAggregateStore<TracingRecord>('records');
  const real = personDirectory(
    new InMemoryDocuments<DirectoryEntry>(),
    new KeyIndex(new InMemoryAggregateStore<KeyIndexState>('household_members')),
  );
  let release = (): void => undefined;
  const gap = new Promise<void>((resolve) => (release = resolve));
  let reached = (): void => undefined;
  const inGap = new Promise<void>((resolve) => (reached = resolve));
  let first = true;
  const stopOnce = async <T>(ids: readonly string[], read: Promise<T>): Promise<T> => {
    const found = await read;
    if (first && when(ids)) {
      first = false;
      reached();
      await gap;
    }
    return found;
  };
  const directory: PersonDirectory = {
    ...real,
    ...(stopsAt === 'householdMembers'
      ? { householdMembers: (id: string) => stopOnce([id], real.householdMembers(id)) }
      : stopsAt === 'get'
        ? { get: (id: string) => stopOnce([id], real.get(id)) }
        : { getMany: (ids: readonly string[]) => stopOnce(ids, real.getMany(ids)) }),
  };
  const desk = new TracingDesk(
    records,
    recordQueries(inMemoryStates(records)),
    directory,
    resultLog(new InMemoryDocuments()),
    new InMemoryAggregateStore<{ f0PersonIds: string[] }>('households'),
    () => defaultTracingRuleBook(),
  );
  return { desk, records, inGap, release };
}

describe('a new case and a registration into its household, side by side', () => {
  it('traces the new member whichever comes first, also when it joins between the read of the household and the case', async () => {
    const { desk, records, inGap, release } = deskWithGap();
    await desk.personRegistered(registration('p-f0'));
    const confirming = desk.personResulted(positive('p-f0'));
    await inGap; // the positive has read the household (without the newcomer) and not saved yet
    await desk.personRegistered(registration('p-new'));
    release();
    await confirming;

    const f0 = await records.load('p-f0');
    expect(f0?.state.contacts.map((c) => c.contactPersonId)).toEqual(['p-new']);
    const f1 = await records.load('p-new');
    expect(f1?.state.classification.level).toBe(1); // F1
  });

  it('traces a member registered before the case in the case’s own commit', async () => {
    const { desk, records, release } = deskWithGap();
    await desk.personRegistered(registration('p-f0'));
    await desk.personRegistered(registration('p-old'));
    release(); // no gap
    await desk.personResulted(positive('p-f0'));
    const f0 = await records.load('p-f0');
    expect(f0?.state.contacts.map((c) => c.contactPersonId)).toEqual(['p-old']);
    expect(f0?.version).toBe(1);
  });
});

describe("a new case and its person's own registration, side by side", () => {
  it('takes the details filed while the case was made, and traces the household', async () => {
    // The positive looks the person up (not filed yet) and stops before it saves the record.
    const { desk, records, inGap, release } = deskWithGap('get', (ids) => ids.includes('p-f0'));
    await desk.personRegistered(registration('p-mother'));
    const confirming = desk.personResulted(positive('p-f0'));
    await inGap;
    // The registration files the person and finds no record yet: it leaves the case to itself.
    await desk.personRegistered(registration('p-f0'));
    release();
    await confirming;

    const f0 = await records.load('p-f0');
    expect(f0?.state.person?.householdId).toBe(HOUSEHOLD);
    expect(f0?.state.contacts.map((c) => c.contactPersonId)).toEqual(['p-mother']);
    expect((await records.load('p-mother'))?.state.classification.level).toBe(1);
  });
});

describe("a contact's record and the contact's registration, side by side", () => {
  it('gives the record made before the contact was filed the details filed meanwhile', async () => {
    // The cascade looks the contact up (not filed yet) and stops before it makes the record.
    const { desk, records, inGap, release } = deskWithGap('getMany', (ids) => ids.includes('p-friend'));
    await desk.personRegistered(registration('p-f0'));
    await desk.personResulted(positive('p-f0'));
    const tracing = desk.recordContacts(
      'p-f0',
      [
        {
          contactPersonId: 'p-friend',
          contactType: 'workplace',
          lastExposureOn: new Date().toISOString().slice(0, 10),
        },
      ],
      { via: 'tracer', recordedBy: 'ttyt-binh-thuy', allOrNothing: true },
      {},
    );
    await inGap;
    await desk.personRegistered(registration('p-friend')); // finds no record yet
    release();
    await tracing;

    const friend = await records.load('p-friend');
    expect(friend?.state.classification.level).toBe(1);
    expect(friend?.state.person?.householdId).toBe(HOUSEHOLD);
  });
});

describe('the cascade', () => {
  it('runs once: the consumer does not carry again what the handler carried inline', async () => {
    const published: Envelope[] = [];
    const records = new InMemoryAggregateStore<TracingRecord>('records', (_source, saved) => {
      for (const entry of saved) published.push(...entry.entries.map((e) => e.event));
    });
    const desk = new TracingDesk(
      records,
      recordQueries(inMemoryStates(records)),
      personDirectory(
        new InMemoryDocuments<DirectoryEntry>(),
        new KeyIndex(new InMemoryAggregateStore<KeyIndexState>('household_members')),
      ),
      resultLog(new InMemoryDocuments()),
      new InMemoryAggregateStore<{ f0PersonIds: string[] }>('households'),
      () => defaultTracingRuleBook(),
    );
    await desk.personRegistered(registration('p-f0'));
    await desk.personRegistered(registration('p-f1'));
    await desk.personResulted(positive('p-f0'));
    expect((await records.load('p-f1'))?.state.classification.level).toBe(1); // carried inline

    const carried = published.filter((e) => e.type === 'PersonClassified' || e.type === 'ContactRecorded');
    expect(carried.length).toBeGreaterThan(0);
    let reads = 0;
    const load = records.load.bind(records);
    records.load = (id) => {
      reads++;
      return load(id);
    };
    for (const event of carried) await desk.carryOn(event.id, event.key, {});
    expect(reads).toBe(0);
    // Once more (a redelivery, or another instance's event): carried again, which changes nothing.
    for (const event of carried) await desk.carryOn(event.id, event.key, {});
    expect(reads).toBeGreaterThanOrEqual(carried.length);
    expect((await records.load('p-f1'))?.version).toBe(1);
  });
});
