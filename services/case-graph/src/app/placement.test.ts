import { describe, expect, it } from '@jest/globals';
import { createEvent, IsolationEndedV1, IsolationOrderedV1 } from '@truyvet/events';
import { InMemoryAggregateStore } from '@truyvet/store';
import { inMemoryStates } from '../adapters/documents';
import { facilityQueries, waitingQueries } from '../adapters/queries';
import type { FacilityState } from '../domain/facility';
import { PlacementDesk } from './placement';
import type { WaitingEntry } from './ports';

const TODAY = '2021-08-10';

function desk() {
  const placedOnBus: string[] = [];
  const facilities = new InMemoryAggregateStore<FacilityState>('facilities', (_source, saved) => {
    for (const { entries } of saved)
      for (const { event } of entries)
        if (event.type === 'IsolationPlaced') {
          const data = event.data as { personId: string; facilityId: string };
          placedOnBus.push(`${data.personId}@${data.facilityId}`);
        }
  });
  const waiting = new InMemoryAggregateStore<WaitingEntry>('waiting');
  let tick = 0;
  // Each step a second later: the waiting list is ordered by when people started waiting.
  const now = () => new Date(Date.UTC(2021, 7, 10, 8, 0, tick++));
  // The orders the people's records say have ended.
  const endedOrders = new Set<string>();
  const placement = new PlacementDesk(
    facilities,
    facilityQueries(inMemoryStates(facilities)),
    waiting,
    waitingQueries(inMemoryStates(waiting)),
    now,
    (_personId, orderId) => Promise.resolve(endedOrders.has(orderId) ? false : undefined),
  );
  const occupants = async (facilityId: string) =>
    (await facilities.load(facilityId))?.state.occupants.map((o) => o.personId) ?? [];
  const waitingPeople = async () => (await placement.waitingList()).map((w) => w.personId);
  return { placement, facilities, occupants, waitingPeople, placedOnBus, endedOrders };
}

function ordered(
  personId: string,
  districtCode: string,
  kind: 'centralized_quarantine' | 'treatment' = 'centralized_quarantine',
  tier: 'tier2' | 'tier3' = 'tier2',
) {
  return createEvent(IsolationOrderedV1, {
    orderId: `${personId}/iso1`,
    personId,
    kind,
    reason: kind === 'treatment' ? 'f0' : 'contact',
    ...(kind === 'treatment' ? { tier } : { level: 1, endsOn: '2021-08-24' }),
    startsOn: TODAY,
    ruleSetId: 'can-tho-2021-provisional',
    districtCode,
  });
}

function ended(personId: string, facilityId?: string) {
  return createEvent(IsolationEndedV1, {
    orderId: `${personId}/iso1`,
    personId,
    kind: 'centralized_quarantine',
    endedOn: TODAY,
    reason: 'superseded',
    ...(facilityId ? { facilityId } : {}),
  });
}

const dormitory = (facilityId: string, districtCode: string, capacity: number) => ({
  facilityId,
  name: `Ký túc xá ${facilityId}`,
  districtCode,
  accepts: ['centralized_quarantine' as const],
  capacity,
  registeredBy: 'ttyt',
});

const hospital = (facilityId: string, tier: 'tier2' | 'tier3', capacity: number) => ({
  facilityId,
  name: `Bệnh viện ${facilityId}`,
  districtCode: '918',
  accepts: [tier],
  capacity,
  registeredBy: 'ttyt',
});

/** What two placements of one order racing leave behind: the order in a second facility too. */
async function alsoIn(
  facilities: InMemoryAggregateStore<FacilityState>,
  facilityId: string,
  personId: string,
  options: { extraBed?: boolean } = {},
): Promise<void> {
  const found = await facilities.load(facilityId);
  if (!found) throw new Error(`expected ${facilityId}`);
  await facilities.save({
    id: facilityId,
    expectedVersion: found.version,
    state: {
      ...found.state,
      capacity: found.state.capacity + (options.extraBed ? 1 : 0),
      occupants: [
        ...found.state.occupants,
        { orderId: `${personId}/iso1`, personId, since: '2021-08-10T09:00:00.000Z' },
      ],
    },
    events: [],
  });
}

describe('placement', () => {
  it("gives a district's new beds to its own people, never to another district's", async () => {
    const { placement, occupants, waitingPeople } = desk();
    await placement.orderIssued(ordered('far', '916'));
    await placement.orderIssued(ordered('near', '918'));
    expect(await waitingPeople()).toEqual(['far', 'near']);

    await placement.registerFacility(dormitory('ktx-918', '918', 2));
    expect(await occupants('ktx-918')).toEqual(['near']);
    expect(await waitingPeople()).toEqual(['far']);

    await placement.registerFacility({ ...dormitory('city', '918', 5), servesWholeCity: true });
    expect(await occupants('city')).toEqual(['far']);
    expect(await waitingPeople()).toEqual([]);
  });

  it('offers a freed bed again when the end of an order is redelivered after a crash', async () => {
    const { placement, facilities, occupants, waitingPeople } = desk();
    await placement.registerFacility(dormitory('ktx', '918', 1));
    await placement.orderIssued(ordered('a', '918'));
    await placement.orderIssued(ordered('b', '918'));
    expect(await waitingPeople()).toEqual(['b']);

    // The crash: the bed was freed and saved, the waiting list not yet offered it.
    const found = await facilities.load('ktx');
    if (!found) throw new Error('expected the facility');
    await facilities.save({
      id: 'ktx',
      expectedVersion: found.version,
      state: { ...found.state, occupants: [] },
      events: [],
    });
    await placement.orderEnded(ended('a', 'ktx'));
    expect(await occupants('ktx')).toEqual(['b']);
    expect(await waitingPeople()).toEqual([]);
  });

  it('gives the bed an order no longer needs to whoever waits for it', async () => {
    const { placement, occupants, waitingPeople } = desk();
    await placement.registerFacility(dormitory('ktx', '918', 1));
    await placement.orderIssued(ordered('a', '918'));
    await placement.orderIssued(ordered('b', '918'));
    // The same order re-issued as treatment (a tier bed): the quarantine bed is free again.
    await placement.orderIssued(ordered('a', '918', 'treatment'));
    expect(await occupants('ktx')).toEqual(['b']);
    expect(await waitingPeople()).toEqual(['a']);
  });

  it('moves a waiting F0 to the list of the tier it now needs, and places it there, never also in the old tier', async () => {
    const { placement, occupants, waitingPeople } = desk();
    await placement.registerFacility(hospital('bv-t2', 'tier2', 0));
    await placement.orderIssued(ordered('f0', '918', 'treatment', 'tier2'));
    expect(await waitingPeople()).toEqual(['f0']);
    // Worse: tier 3 now, and the ICU has a bed.
    await placement.registerFacility(hospital('icu', 'tier3', 1));
    await placement.orderIssued(ordered('f0', '918', 'treatment', 'tier3'));
    expect(await occupants('icu')).toEqual(['f0']);
    expect(await waitingPeople()).toEqual([]);
    // A tier-2 bed comes free later: it is not given to someone who is in the ICU.
    await placement.setCapacity('bv-t2', 3);
    expect(await occupants('bv-t2')).toEqual([]);
  });

  it('keeps an F0 moved up while the ICU is full on the waiting list, and its old bed goes to the next', async () => {
    const { placement, occupants, waitingPeople } = desk();
    await placement.registerFacility(hospital('bv-t2', 'tier2', 1));
    await placement.registerFacility(hospital('icu', 'tier3', 1));
    await placement.orderIssued(ordered('icu-patient', '918', 'treatment', 'tier3'));
    await placement.orderIssued(ordered('f0', '918', 'treatment', 'tier2'));
    await placement.orderIssued(ordered('next', '918', 'treatment', 'tier2'));
    expect(await waitingPeople()).toEqual(['next']);
    // f0 was waiting before? No: placed at once. Now it needs the ICU, which is full.
    await placement.orderIssued(ordered('f0', '918', 'treatment', 'tier3'));
    expect(await occupants('bv-t2')).toEqual(['next']);
    expect((await placement.waitingList()).map((w) => [w.personId, w.need])).toEqual([['f0', 'tier3']]);
    // Its earlier wait (placed since) is taken up again for tier 3, and the ICU bed goes to it.
    await placement.orderEnded(ended('icu-patient', 'icu'));
    expect(await occupants('icu')).toEqual(['f0']);
    expect(await waitingPeople()).toEqual([]);
  });

  it('puts an order that waited once and was placed back on the list when it needs a bed again', async () => {
    const { placement, occupants, waitingPeople } = desk();
    await placement.registerFacility(hospital('bv-t2', 'tier2', 0));
    await placement.registerFacility(hospital('icu', 'tier3', 0));
    await placement.orderIssued(ordered('f0', '918', 'treatment', 'tier2'));
    await placement.setCapacity('bv-t2', 1); // f0 leaves the list for the new bed
    expect(await occupants('bv-t2')).toEqual(['f0']);
    expect(await waitingPeople()).toEqual([]);
    await placement.orderIssued(ordered('f0', '918', 'treatment', 'tier3'));
    expect((await placement.waitingList()).map((w) => [w.personId, w.need])).toEqual([['f0', 'tier3']]);
    expect(await occupants('bv-t2')).toEqual([]);
  });

  it('gives up the second bed of an order two placements raced for, keeping the earlier, and places the next in it', async () => {
    const { placement, facilities, occupants, waitingPeople, placedOnBus } = desk();
    await placement.registerFacility(dormitory('ktx-a', '918', 1));
    await placement.registerFacility(dormitory('ktx-b', '918', 1));
    await placement.orderIssued(ordered('a', '918'));
    await placement.orderIssued(ordered('waits', '918'));
    await placement.orderIssued(ordered('waits-too', '918'));
    expect(await waitingPeople()).toEqual(['waits-too']);
    // The race's outcome (each read the beds before the other's admission, a second bed having
    // been added to ktx-b meanwhile): 'a' in both facilities.
    await alsoIn(facilities, 'ktx-b', 'a', { extraBed: true });
    // Whoever looks next at a's bed (here its order redelivered) keeps the earlier admission.
    placedOnBus.length = 0;
    await placement.orderIssued(ordered('a', '918'));
    expect(await occupants('ktx-a')).toEqual(['a']);
    expect(await occupants('ktx-b')).toEqual(['waits', 'waits-too']);
    expect(await waitingPeople()).toEqual([]);
    // The bed kept is placed again, so the record shows it; then the freed bed's new occupant.
    expect(placedOnBus).toEqual(['a@ktx-a', 'waits-too@ktx-b']);
  });

  it('frees every bed an order held when it ends', async () => {
    const { placement, facilities, occupants } = desk();
    await placement.registerFacility(dormitory('ktx-a', '918', 1));
    await placement.registerFacility(dormitory('ktx-b', '918', 1));
    await placement.orderIssued(ordered('a', '918'));
    await alsoIn(facilities, 'ktx-b', 'a');
    await placement.orderEnded(ended('a'));
    expect([...(await occupants('ktx-a')), ...(await occupants('ktx-b'))]).toEqual([]);
  });

  it('never puts an order that ended back on the list when a late copy of it comes in', async () => {
    const { placement, occupants, waitingPeople } = desk();
    await placement.registerFacility(dormitory('ktx', '918', 0));
    await placement.orderIssued(ordered('a', '918'));
    await placement.setCapacity('ktx', 1); // a leaves the list for the new bed
    await placement.orderEnded(ended('a', 'ktx'));
    await placement.orderIssued(ordered('b', '918'));
    expect(await occupants('ktx')).toEqual(['b']);
    await placement.orderIssued(ordered('a', '918')); // redelivered after the end
    expect(await waitingPeople()).toEqual([]);
  });

  it('gives no bed to a copy of an order delivered after the order ended', async () => {
    const { placement, occupants, endedOrders } = desk();
    await placement.registerFacility(dormitory('ktx', '918', 2));
    await placement.orderIssued(ordered('a', '918'));
    endedOrders.add('a/iso1');
    await placement.orderEnded(ended('a', 'ktx'));
    await placement.orderIssued(ordered('a', '918')); // the copy
    expect(await occupants('ktx')).toEqual([]);
  });
});
