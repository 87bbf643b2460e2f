import { DomainError } from '@truyvet/errors';
import {
  causedBy,
  createEvent,
  TestOrderFulfilledV1,
  topics,
  type EventOf,
  type SampleCollectedV1,
  type TestOrderCancelledV1,
  type TestOrderedV1,
} from '@truyvet/events';
import { ConcurrencyError, type AggregateStore, type KeyIndex } from '@truyvet/store';
import type { PersonState } from '../domain/registration';
import { openEntry, worklistOrder, type WorklistEntry } from '../domain/worklist';

export interface WorklistQueries {
  inDistrict(districtCode: string, wardCode?: string): Promise<WorklistEntry[]>;
  /** Every open entry (an operator's scan: builds the index of open orders by person once). */
  allOpen(): Promise<WorklistEntry[]>;
}

/** The key an entry is filed under in the index of open orders by person (a KeyIndex: ADR 13). */
export function openOrderKeys(entry: WorklistEntry): string[] {
  return entry.status === 'open' ? [entry.order.personId] : [];
}

/** Test orders from case-graph and the lab, worked by the districts. Each event applies once. */
export class Worklists {
  constructor(
    /** Files every open entry under its person before it is saved (`openOrderKeys`). */
    private readonly entries: AggregateStore<WorklistEntry>,
    private readonly persons: AggregateStore<PersonState>,
    private readonly queries: WorklistQueries,
    /** A person's open orders, by person id: a superset, checked against the entries. */
    private readonly openByPerson: KeyIndex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async orderTest(event: EventOf<typeof TestOrderedV1>): Promise<void> {
    const order = event.data;
    const person = await this.persons.load(order.personId);
    if (!person) {
      // Orders name registry persons (ADR 7): an unknown one is a producer's bug, for the DLQ.
      throw new DomainError(
        'UNKNOWN_PERSON',
        'invalid',
        `test order ${order.orderId} names no registry person ${order.personId}`,
      );
    }
    const { districtCode, wardCode } = person.state.details.address;
    try {
      await this.entries.save({
        id: order.orderId,
        expectedVersion: 0,
        state: openEntry(order, { districtCode, wardCode }),
        events: [],
      });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error; // a redelivery: already on the list
    }
  }

  async cancelOrder(event: EventOf<typeof TestOrderCancelledV1>): Promise<void> {
    const found = await this.entries.load(event.data.orderId);
    if (found?.state.status !== 'open') return;
    await this.entries.save({
      id: event.data.orderId,
      expectedVersion: found.version,
      state: { ...found.state, status: 'cancelled', cancelReason: event.data.reason },
      events: [],
    });
  }

  /** A sample was taken from people with open orders: those orders are fulfilled. */
  async sampleCollected(event: EventOf<typeof SampleCollectedV1>): Promise<void> {
    const ordersOf = await this.openByPerson.idsOfEach(event.data.personIds);
    const entries = await this.entries.loadMany([...ordersOf.values()].flat());
    for (const personId of event.data.personIds) {
      for (const orderId of ordersOf.get(personId) ?? []) {
        const found = entries.get(orderId);
        if (found?.state.status !== 'open' || found.state.order.personId !== personId) continue;
        const entry = found.state;
        const fulfilled = createEvent(
          TestOrderFulfilledV1,
          { orderId: entry.order.orderId, personId, sampleId: event.data.sampleId },
          causedBy(event),
        );
        await this.entries.save({
          id: entry.order.orderId,
          expectedVersion: found.version,
          state: { ...found.state, status: 'fulfilled', fulfilledBySampleId: event.data.sampleId },
          events: [{ topic: topics.testOrders.topic, event: fulfilled }],
        });
      }
    }
  }

  async worklist(districtCode: string, wardCode?: string): Promise<WorklistEntry[]> {
    const entries = await this.queries.inDistrict(districtCode, wardCode);
    return worklistOrder(
      entries.filter((e) => e.status === 'open'),
      this.now(),
    );
  }
}
