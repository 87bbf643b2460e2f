/**
 * Beds for centralized quarantine and facility treatment. An order that needs a bed gets one in a
 * facility (IsolationPlaced, committed with the facility's new occupancy) or waits on the list
 * (IsolationWaitlisted); a bed freed by a release, recovery or death goes to the longest waiting.
 * Every step is idempotent by order id: a redelivered order finds the bed it already has.
 */
import { DomainError } from '@truyvet/errors';
import {
  createEvent,
  IsolationPlacedV1,
  IsolationWaitlistedV1,
  type EventOf,
  type EventOrigin,
  type IsolationEndedV1,
  type IsolationOrderedV1,
} from '@truyvet/events';
import { ConcurrencyError, type Versioned } from '@truyvet/store';
import {
  admit,
  bedKept,
  bedKindOf,
  chooseFacility,
  discharge,
  holding,
  resize,
  type BedKind,
  type FacilityState,
} from '../domain/facility';
import type { FacilityQueries, FacilityStore, WaitingEntry, WaitingQueries, WaitingStore } from './ports';

const ATTEMPTS = 5;

/** Whether an order is still in force, as the person's record says (undefined: not known there). */
export type OrderInForce = (personId: string, orderId: string) => Promise<boolean | undefined>;

export class PlacementDesk {
  constructor(
    private readonly facilities: FacilityStore,
    private readonly facilityQueries: FacilityQueries,
    private readonly waiting: WaitingStore,
    private readonly waitingQueries: WaitingQueries,
    private readonly now: () => Date = () => new Date(),
    private readonly inForce: OrderInForce = () => Promise.resolve(undefined),
  ) {}

  async registerFacility(facility: Omit<FacilityState, 'occupants'>): Promise<FacilityState> {
    const state: FacilityState = { ...facility, occupants: [] };
    try {
      await this.facilities.save({ id: facility.facilityId, expectedVersion: 0, state, events: [] });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      throw new DomainError(
        'FACILITY_EXISTS',
        'already_exists',
        `facility ${facility.facilityId} is registered already`,
        {
          fields: [{ field: 'facilityId', description: 'is registered already' }],
        },
      );
    }
    await this.placeWaiting({}, state.districtCode);
    return state;
  }

  async setCapacity(facilityId: string, capacity: number): Promise<FacilityState> {
    for (let attempt = 1; ; attempt++) {
      const found = await this.facilities.load(facilityId);
      if (!found) throw unknownFacility(facilityId);
      const next = resize(found.state, capacity);
      if (next === 'unchanged') return found.state;
      try {
        await this.facilities.save({
          id: facilityId,
          expectedVersion: found.version,
          state: next,
          events: [],
        });
        await this.placeWaiting({}, next.districtCode);
        return next;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  async list(districtCode?: string): Promise<FacilityState[]> {
    return (await this.facilityQueries.all())
      .map((f) => f.state)
      .filter((f) => !districtCode || f.districtCode === districtCode)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async waitingList(): Promise<WaitingEntry[]> {
    return (await this.waitingQueries.waiting()).map((w) => w.state);
  }

  /** An isolation order was issued or re-issued: it has the bed it needs, or gets one, or waits. */
  async orderIssued(event: EventOf<typeof IsolationOrderedV1>): Promise<void> {
    const order = event.data;
    const need = bedKindOf(order);
    const origin = { correlationId: event.correlationId, causationId: event.id };
    // A copy of the order delivered after it ended (a redelivery, a replay) takes no bed: the bed
    // would go to someone already released.
    if (need && (await this.inForce(order.personId, order.orderId)) === false) return;
    const all = await this.facilityQueries.all();
    const current = await this.keepOneBed(order, origin, all);
    if (current && need && current.accepts.includes(need)) return;
    // A tier change needs another kind of bed: the one left goes to whoever waits for it.
    const left = current ? await this.vacate(order.orderId) : undefined;
    if (need) {
      await this.place(
        { orderId: order.orderId, personId: order.personId, need, districtCode: order.districtCode },
        origin,
        // The facilities as just read serve the first try, unless a bed was given up meanwhile.
        current ? undefined : all,
      );
    }
    if (left) await this.placeWaiting(origin, left.districtCode);
  }

  /**
   * An order ended: its bed (if any) is free, and goes to whoever waits longest. The facility the
   * order names is offered again on a redelivery too: a crash after the bed was freed must not
   * leave it empty while people wait.
   */
  async orderEnded(event: EventOf<typeof IsolationEndedV1>): Promise<void> {
    const origin = { correlationId: event.correlationId, causationId: event.id };
    await this.endWait(event.data.orderId, 'closed');
    const freed = await this.vacate(event.data.orderId);
    const named = event.data.facilityId
      ? (await this.states()).find((f) => f.facilityId === event.data.facilityId)
      : undefined;
    const where = freed ?? named;
    if (where) await this.placeWaiting(origin, where.districtCode);
  }

  /**
   * Tries to place every waiting order: those of the district where beds came free first (a new
   * facility, or a freed bed, serves its own district before others), each group oldest first.
   */
  async placeWaiting(origin: EventOrigin, districtCode?: string): Promise<number> {
    let placed = 0;
    const waiting = await this.waitingQueries.waiting();
    const local = waiting.filter((w) => w.state.districtCode === districtCode);
    for (const entry of [...local, ...waiting.filter((w) => w.state.districtCode !== districtCode)]) {
      const where = await this.admitSomewhere(entry.state, origin);
      if (!where) continue;
      placed++;
      await this.setWaiting(entry, 'placed');
    }
    return placed;
  }

  private async states(): Promise<FacilityState[]> {
    return (await this.facilityQueries.all()).map((f) => f.state);
  }

  /**
   * A bed of the kind the order needs now, or a place on the waiting list for one. Either way a
   * wait the order had for another kind of bed is over: it ends as placed on admission, or is
   * turned into this wait (an F0 waiting for tier 2 who now needs tier 3), so that it is never also
   * placed in a bed of the kind it no longer needs.
   */
  private async place(
    need: { orderId: string; personId: string; need: BedKind; districtCode?: string | undefined },
    origin: EventOrigin,
    known?: ReadonlyArray<Versioned<FacilityState>>,
  ): Promise<void> {
    const placed = await this.admitSomewhere(need, origin, known);
    if (placed) {
      await this.endWait(need.orderId, 'placed');
      return;
    }
    await this.waitFor(need, origin);
  }

  /**
   * The order on the waiting list for this kind of bed: a new entry, or its earlier one (waiting for
   * another kind, or placed since) waiting again. One waiting for another kind keeps its place in
   * the line; one placed since starts a new wait. A redelivery changes nothing, and an order whose
   * wait was closed (it ended) never waits again.
   */
  private async waitFor(
    need: { orderId: string; personId: string; need: BedKind; districtCode?: string | undefined },
    origin: EventOrigin,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const found = await this.waiting.load(need.orderId);
      if (found?.state.status === 'closed') return;
      const waitingSince = found?.state.status === 'waiting' ? found.state.since : undefined;
      if (waitingSince && found?.state.need === need.need) return;
      const entry: WaitingEntry = {
        orderId: need.orderId,
        personId: need.personId,
        need: need.need,
        ...(need.districtCode ? { districtCode: need.districtCode } : {}),
        since: waitingSince ?? this.now().toISOString(),
        status: 'waiting',
      };
      const waitlisted = createEvent(
        IsolationWaitlistedV1,
        {
          orderId: need.orderId,
          personId: need.personId,
          ...(need.districtCode ? { districtCode: need.districtCode } : {}),
        },
        origin,
      );
      try {
        await this.waiting.save({
          id: need.orderId,
          expectedVersion: found?.version ?? 0,
          state: entry,
          events: [{ topic: IsolationWaitlistedV1.topic, event: waitlisted }],
        });
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  /** Admits into the best facility with a free bed; a facility that filled meanwhile is retried. */
  private async admitSomewhere(
    need: { orderId: string; personId: string; need: BedKind; districtCode?: string | undefined },
    origin: EventOrigin,
    known?: ReadonlyArray<Versioned<FacilityState>>,
  ): Promise<FacilityState | undefined> {
    for (let attempt = 1; attempt <= ATTEMPTS * 2; attempt++) {
      const all = attempt === 1 && known ? known : await this.facilityQueries.all();
      const already = await this.keepOneBed(need, origin, all);
      if (already) return already;
      const choice = chooseFacility(
        all.map((f) => f.state),
        need.need,
        need.districtCode,
      );
      if (!choice) return undefined;
      const found = all.find((f) => f.id === choice.facilityId) as Versioned<FacilityState>;
      const next = admit(found.state, {
        orderId: need.orderId,
        personId: need.personId,
        since: this.now().toISOString(),
      });
      if (next === 'unchanged') return found.state;
      if (next === 'full') continue;
      const placed = createEvent(
        IsolationPlacedV1,
        {
          orderId: need.orderId,
          personId: need.personId,
          facilityId: next.facilityId,
          facilityName: next.name,
          facilityDistrictCode: next.districtCode,
        },
        origin,
      );
      try {
        await this.facilities.save({
          id: next.facilityId,
          expectedVersion: found.version,
          state: next,
          events: [{ topic: IsolationPlacedV1.topic, event: placed }],
        });
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error; // another admission took a bed first
        continue;
      }
      // Looked at again: a placement of the same order racing this one may have chosen another
      // facility (each read the beds before the other's admission). The later of the two sees both.
      return (await this.keepOneBed(need, origin)) ?? next;
    }
    return undefined;
  }

  /**
   * The facility holding the order, after giving up any other bed it holds (`bedKept`: the earliest
   * admission stays, whoever looks). The bed kept is placed again on the bus, with the first bed
   * given up, so that the person's record shows it; the beds given up go to whoever waits.
   */
  private async keepOneBed(
    order: { orderId: string; personId: string },
    origin: EventOrigin,
    known?: ReadonlyArray<Versioned<FacilityState>>,
  ): Promise<FacilityState | undefined> {
    let all = known ?? (await this.facilityQueries.all());
    for (let attempt = 1; ; attempt++) {
      const double = bedKept(all, order.orderId);
      if (!double)
        return holding(
          all.map((f) => f.state),
          order.orderId,
        );
      const { kept, extra } = double;
      const placedAgain = createEvent(
        IsolationPlacedV1,
        {
          orderId: order.orderId,
          personId: order.personId,
          facilityId: kept.state.facilityId,
          facilityName: kept.state.name,
          facilityDistrictCode: kept.state.districtCode,
        },
        origin,
      );
      try {
        for (const [i, facility] of extra.entries()) {
          const next = discharge(facility.state, order.orderId);
          if (next === 'unchanged') continue;
          await this.facilities.save({
            id: facility.id,
            expectedVersion: facility.version,
            state: next,
            events: i === 0 ? [{ topic: IsolationPlacedV1.topic, event: placedAgain }] : [],
          });
        }
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
        all = await this.facilityQueries.all();
        continue;
      }
      for (const facility of extra) await this.placeWaiting(origin, facility.state.districtCode);
      return kept.state;
    }
  }

  /**
   * Frees the order's bed (every one it holds, should two placements have raced); answers the
   * facility of the last one freed, if any.
   */
  private async vacate(orderId: string): Promise<FacilityState | undefined> {
    let freed: FacilityState | undefined;
    for (let conflicts = 0; ;) {
      const found = (await this.facilityQueries.all()).find((f) =>
        f.state.occupants.some((o) => o.orderId === orderId),
      );
      if (!found) return freed;
      const next = discharge(found.state, orderId);
      if (next === 'unchanged') return freed;
      try {
        await this.facilities.save({ id: found.id, expectedVersion: found.version, state: next, events: [] });
        freed = next;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || ++conflicts >= ATTEMPTS) throw error;
      }
    }
  }

  /**
   * The order's wait is over: placed (if it waits), or closed because the order ended (also a wait
   * that ended in a placement, so that a late copy of the order never puts it on the list again).
   */
  private async endWait(orderId: string, status: 'placed' | 'closed'): Promise<void> {
    const found = await this.waiting.load(orderId);
    if (!found) return;
    if (status === 'placed' ? found.state.status === 'waiting' : found.state.status !== 'closed')
      await this.setWaiting(found, status);
  }

  private async setWaiting(entry: Versioned<WaitingEntry>, status: WaitingEntry['status']): Promise<void> {
    try {
      await this.waiting.save({
        id: entry.id,
        expectedVersion: entry.version,
        state: { ...entry.state, status },
        events: [],
      });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error; // changed meanwhile: the newer state stands
    }
  }
}

function unknownFacility(facilityId: string): DomainError {
  return new DomainError('UNKNOWN_FACILITY', 'not_found', `no facility ${facilityId}`, {
    fields: [{ field: 'facilityId', description: `no facility ${facilityId}` }],
  });
}
