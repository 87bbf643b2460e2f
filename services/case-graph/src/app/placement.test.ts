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
  const facilities = new InMemoryAggregateStore<FacilityState>('facilities');
  const waiting = new InMemoryAggregateStore<WaitingEntry>('waiting');
  let tick = 0;
  // Each step a second later: the waiting list is ordered by when people started waiting.
  const now = () => new Date(Date.UTC(2021, 7, 10, 8, 0, tick++));
  const placement = new PlacementDesk(
    facilities,
    facilityQueries(inMemoryStates(facilities)),
    waiting,
    waitingQueries(inMemoryStates(waiting)),
    now,
  );
  const occupants = async (facilityId: string) =>
    (await facilities.load(facilityId))?.state.occupants.map((o) => o.personId) ?? [];
  const waitingPeople = async () => (await placement.waitingList()).map((w) => w.personId);
  return { placement, facilities, occupants, waitingPeople };
}

function ordered(
  personId: string,
  districtCode: string,
  kind: 'centralized_quarantine' | 'treatment' = 'centralized_quarantine',
) {
  return createEvent(IsolationOrderedV1, {
    orderId: `${personId}/iso1`,
    personId,
    kind,
    reason: kind === 'treatment' ? 'f0' : 'contact',
    ...(kind === 'treatment' ? { tier: 'tier2' as const } : { level: 1, endsOn: '2021-08-24' }),
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
});
