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

export class PlacementDesk {
  constructor(
    private readonly facilities: FacilityStore,
    private readonly facilityQueries: FacilityQueries,
    private readonly waiting: WaitingStore,
    private readonly waitingQueries: WaitingQueries,
    private readonly now: () => Date = () => new Date(),
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
    const current = holding(await this.states(), order.orderId);
    if (current && need && current.accepts.includes(need)) return;
    // A tier change needs another kind of bed: the one left goes to whoever waits for it.
    const left = current ? await this.vacate(order.orderId) : undefined;
    if (need) {
      await this.place(
        { orderId: order.orderId, personId: order.personId, need, districtCode: order.districtCode },
        origin,
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
    await this.closeWaiting(event.data.orderId);
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

  private async place(
    need: { orderId: string; personId: string; need: BedKind; districtCode?: string | undefined },
    origin: EventOrigin,
  ): Promise<void> {
    const placed = await this.admitSomewhere(need, origin);
    if (placed) return;
    const entry: WaitingEntry = {
      orderId: need.orderId,
      personId: need.personId,
      need: need.need,
      ...(need.districtCode ? { districtCode: need.districtCode } : {}),
      since: this.now().toISOString(),
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
        expectedVersion: 0,
        state: entry,
        events: [{ topic: IsolationWaitlistedV1.topic, event: waitlisted }],
      });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error; // already waiting: a redelivery
    }
  }

  /** Admits into the best facility with a free bed; a facility that filled meanwhile is retried. */
  private async admitSomewhere(
    need: { orderId: string; personId: string; need: BedKind; districtCode?: string | undefined },
    origin: EventOrigin,
  ): Promise<FacilityState | undefined> {
    for (let attempt = 1; attempt <= ATTEMPTS * 2; attempt++) {
      const all = await this.facilityQueries.all();
      const already = holding(
        all.map((f) => f.state),
        need.orderId,
      );
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
        return next;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error; // another admission took a bed first
      }
    }
    return undefined;
  }

  /** Frees the order's bed; answers the facility it was in, if any. */
  private async vacate(orderId: string): Promise<FacilityState | undefined> {
    for (let attempt = 1; ; attempt++) {
      const found = (await this.facilityQueries.all()).find((f) =>
        f.state.occupants.some((o) => o.orderId === orderId),
      );
      if (!found) return undefined;
      const next = discharge(found.state, orderId);
      if (next === 'unchanged') return undefined;
      try {
        await this.facilities.save({ id: found.id, expectedVersion: found.version, state: next, events: [] });
        return next;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private async closeWaiting(orderId: string): Promise<void> {
    const found = await this.waiting.load(orderId);
    if (found?.state.status === 'waiting') await this.setWaiting(found, 'closed');
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
