/**
 * The behaviour every aggregate store must have (in-memory and MongoDB-wire alike): optimistic
 * versions, state and events committed together, and an outbox that relays publish in order,
 * at least once, without losing events saved while a round is under way, even with several relays.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { headers, InMemoryBus, type Bus, type EventToPublish, type OutgoingMessage } from '@truyvet/bus';
import { createEvent, SampleCollectedV1 } from '@truyvet/events';
import { OutboxRelay, type RelayOptions } from './relay';
import { ConcurrencyError, type AggregateStore, type OutboxSource, type SavedWithEvents } from './types';

export type StoreUnderTest = AggregateStore<SampleState> & OutboxSource;

export interface StoreFactory {
  /** A fresh, empty collection. */
  store: (onSaved?: SavedWithEvents) => StoreUnderTest;
  close: () => Promise<void>;
}

export interface SampleState {
  barcode: string;
  status: 'collected' | 'shipped' | 'resulted';
  history: string[];
}

const TOPIC = 'contract.samples';

function collected(sampleId: string): EventToPublish {
  return {
    topic: TOPIC,
    event: createEvent(SampleCollectedV1, {
      sampleId,
      barcode: `BC-${sampleId}`,
      pooled: false,
      personIds: [`p-${sampleId}`],
      collectedAt: '2021-11-07T08:30:00+07:00',
      site: { districtCode: '916' },
      reason: 'mass_testing',
      specimenType: 'nasal',
    }),
  };
}

/** A bus that records what it was asked to publish and can be made to fail or wait. */
class RecordingBus {
  readonly published: OutgoingMessage[] = [];
  failNext = 0;
  gate: Promise<void> | undefined;
  private readonly inner = new InMemoryBus();

  asBus(): Bus {
    return {
      ensureTopics: (t) => this.inner.ensureTopics(t),
      subscribe: (o) => this.inner.subscribe(o),
      close: () => this.inner.close(),
      publish: async (messages) => {
        if (this.failNext > 0) {
          this.failNext--;
          throw new Error('broker not available');
        }
        if (this.gate) await this.gate;
        this.published.push(...messages);
      },
    };
  }

  ids(): string[] {
    return this.published.map((m) => m.headers?.[headers.eventId] ?? '');
  }
}

/**
 * A relay that takes the backlog at first sight: the writers here publish nothing themselves, so
 * there is no writer to leave a fresh commit to.
 */
function relayOf(options: RelayOptions): OutboxRelay {
  return new OutboxRelay({ graceMs: 0, ...options });
}

export function describeStoreContract(name: string, make: () => Promise<StoreFactory>): void {
  describe(`Store contract: ${name}`, () => {
    let factory: StoreFactory;
    beforeAll(async () => {
      factory = await make();
    });
    afterAll(async () => {
      await factory.close();
    });

    it('creates, loads and updates an aggregate with increasing versions', async () => {
      const store = factory.store();
      const id = randomUUID();
      expect(await store.load(id)).toBeNull();
      const state: SampleState = { barcode: 'CT-1', status: 'collected', history: ['collected'] };
      expect(await store.save({ id, expectedVersion: 0, state, events: [] })).toBe(1);
      state.history.push('mutated after save');
      expect(await store.load(id)).toEqual({
        id,
        version: 1,
        state: { barcode: 'CT-1', status: 'collected', history: ['collected'] },
      });
      const v2 = await store.save({
        id,
        expectedVersion: 1,
        state: { ...state, status: 'shipped', history: ['collected', 'shipped'] },
        events: [],
      });
      expect(v2).toBe(2);
      expect((await store.load(id))?.state.status).toBe('shipped');
    });

    it('refuses a save based on a stale version, and keeps neither its state nor its events', async () => {
      const relayBus = new RecordingBus();
      const store = factory.store();
      const id = randomUUID();
      await store.save({
        id,
        expectedVersion: 0,
        state: { barcode: 'A', status: 'collected', history: [] },
        events: [],
      });
      await store.save({
        id,
        expectedVersion: 1,
        state: { barcode: 'A', status: 'shipped', history: [] },
        events: [],
      });
      await expect(
        store.save({
          id,
          expectedVersion: 1,
          state: { barcode: 'A', status: 'resulted', history: [] },
          events: [collected(id)],
        }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(
        store.save({
          id,
          expectedVersion: 0,
          state: { barcode: 'A', status: 'collected', history: [] },
          events: [],
        }),
      ).rejects.toThrow(/already exists/);
      expect((await store.load(id))?.state.status).toBe('shipped');
      await relayOf({ bus: relayBus.asBus(), sources: [store] }).publishPending();
      expect(relayBus.published).toHaveLength(0);
    });

    it('saves a batch change by change: the refused one keeps nothing, the others commit with their events', async () => {
      const relayBus = new RecordingBus();
      const saved: string[] = [];
      const store = factory.store(() => saved.push('notified'));
      const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const state = (barcode: string, status: SampleState['status'] = 'collected'): SampleState => ({
        barcode,
        status,
        history: [],
      });
      await store.save({ id: b, expectedVersion: 0, state: state('B'), events: [] });
      await store.save({ id: c, expectedVersion: 0, state: state('C'), events: [] });
      const results = await store.saveMany([
        { id: a, expectedVersion: 0, state: state('A'), events: [collected(a)] },
        { id: b, expectedVersion: 0, state: state('B2'), events: [collected(b)] }, // exists: refused
        { id: c, expectedVersion: 1, state: state('C', 'shipped'), events: [collected(c)] },
        { id: d, expectedVersion: 0, state: state('D'), events: [] },
      ]);
      expect(results.map((r) => (r instanceof ConcurrencyError ? 'refused' : r))).toEqual([
        1,
        'refused',
        2,
        1,
      ]);
      expect(saved.length).toBeGreaterThan(0);
      const loaded = await store.loadMany([a, b, c, d, randomUUID()]);
      expect([...loaded.keys()].sort()).toEqual([a, b, c, d].sort());
      expect(loaded.get(b)).toEqual({ id: b, version: 1, state: state('B') });
      expect(loaded.get(c)?.version).toBe(2);
      expect(loaded.get(a)?.state.barcode).toBe('A');
      await relayOf({ bus: relayBus.asBus(), sources: [store] }).publishPending();
      expect(relayBus.published.map((m) => m.key).sort()).toEqual([a, c].sort());
      await expect(
        store.saveMany([
          { id: a, expectedVersion: 1, state: state('A'), events: [] },
          { id: a, expectedVersion: 2, state: state('A'), events: [] },
        ]),
      ).rejects.toThrow(/one change per aggregate/);
    });

    it('lets exactly one of many concurrent writers of the same version win', async () => {
      const store = factory.store();
      for (let round = 0; round < 10; round++) {
        const id = randomUUID();
        await store.save({
          id,
          expectedVersion: 0,
          state: { barcode: 'A', status: 'collected', history: [] },
          events: [],
        });
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, writer) =>
            store.save({
              id,
              expectedVersion: 1,
              state: { barcode: 'A', status: 'shipped', history: [`writer-${writer}`] },
              events: [collected(`${id}-${writer}`)],
            }),
          ),
        );
        const winners = results.flatMap((r, writer) => (r.status === 'fulfilled' ? [writer] : []));
        expect(winners).toHaveLength(1);
        const losers = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
        expect(losers).toEqual(Array.from({ length: 7 }, () => expect.any(ConcurrencyError)));
        expect((await store.load(id))?.state.history).toEqual([`writer-${winners[0] ?? -1}`]);
      }
      const bus = new RecordingBus();
      expect(await relayOf({ bus: bus.asBus(), sources: [store] }).publishPending()).toBe(10);
    });

    it('publishes the events saved with a state, in order, once, and tells the relay a save happened', async () => {
      let notified = 0;
      const store = factory.store(() => notified++);
      const bus = new RecordingBus();
      const relay = relayOf({ bus: bus.asBus(), sources: [store] });
      const id = randomUUID();
      const first = [collected(`${id}-1`), collected(`${id}-2`)];
      const second = [collected(`${id}-3`)];
      await store.save({
        id,
        expectedVersion: 0,
        state: { barcode: 'A', status: 'collected', history: [] },
        events: first,
      });
      await store.save({
        id,
        expectedVersion: 1,
        state: { barcode: 'A', status: 'shipped', history: [] },
        events: second,
      });
      expect(notified).toBe(2);
      expect(await relay.publishPending()).toBe(3);
      expect(await relay.publishPending()).toBe(0);
      expect(bus.ids()).toEqual([...first, ...second].map((e) => e.event.id));
      expect(JSON.parse(bus.published[0]?.value ?? '{}')).toMatchObject({
        type: 'SampleCollected',
        key: `${id}-1`,
      });
      expect(bus.published[0]?.key).toBe(`${id}-1`);
    });

    it('keeps events pending when the broker is down, and publishes them when it is back', async () => {
      const store = factory.store();
      const bus = new RecordingBus();
      const relay = relayOf({ bus: bus.asBus(), sources: [store] });
      const id = randomUUID();
      await store.save({
        id,
        expectedVersion: 0,
        state: { barcode: 'A', status: 'collected', history: [] },
        events: [collected(id)],
      });
      bus.failNext = 1;
      await expect(relay.publishPending()).rejects.toThrow(/broker not available/);
      expect(bus.published).toHaveLength(0);
      // The failed round let go of its claim: the next round publishes at once.
      expect(await relay.publishPending()).toBe(1);
      expect(await relay.publishPending()).toBe(0);
      expect(bus.published).toHaveLength(1);
    });

    it('does not lose events saved while a relay is publishing the earlier ones', async () => {
      const store = factory.store();
      const bus = new RecordingBus();
      const relay = relayOf({ bus: bus.asBus(), sources: [store] });
      const id = randomUUID();
      const early = collected(`${id}-early`);
      const late = collected(`${id}-late`);
      await store.save({
        id,
        expectedVersion: 0,
        state: { barcode: 'A', status: 'collected', history: [] },
        events: [early],
      });
      let open!: () => void;
      bus.gate = new Promise((resolve) => (open = resolve));
      const round = relay.publishPending();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await store.save({
        id,
        expectedVersion: 1,
        state: { barcode: 'A', status: 'shipped', history: [] },
        events: [late],
      });
      open();
      await round;
      bus.gate = undefined;
      expect(await relay.publishPending()).toBe(1);
      expect(await relay.publishPending()).toBe(0);
      expect(bus.ids()).toEqual([early.event.id, late.event.id]);
      expect((await store.load(id))?.state.status).toBe('shipped');
    });

    it('lets several relays share the outbox: every event published, first in order per aggregate', async () => {
      const store = factory.store();
      const bus = new RecordingBus();
      const ids: string[] = [];
      for (let i = 0; i < 60; i++) {
        const id = randomUUID();
        const [a, b] = [collected(`${id}-a`), collected(`${id}-b`)];
        ids.push(a.event.id, b.event.id);
        const state: SampleState = { barcode: id, status: 'collected', history: [] };
        await store.save({ id, expectedVersion: 0, state, events: [a] });
        await store.save({ id, expectedVersion: 1, state: { ...state, status: 'shipped' }, events: [b] });
      }
      const relays = [1, 2, 3].map(() => relayOf({ bus: bus.asBus(), sources: [store], batchSize: 7 }));
      for (let round = 0; round < 60; round++) {
        const counts = await Promise.all(relays.map((r) => r.publishPending()));
        if (counts.every((c) => c === 0)) break;
      }
      // Two relays may take the same commit (a duplicate the consumers' dedup absorbs); what counts
      // is that none is missing and that each event's first copy keeps its aggregate's order.
      expect([...new Set(bus.ids())].sort()).toEqual([...ids].sort());
      const published = bus.ids();
      for (let i = 0; i < ids.length; i += 2) {
        expect(published.indexOf(ids[i] ?? '')).toBeLessThan(published.indexOf(ids[i + 1] ?? ''));
      }
      expect(await relays[0]?.publishPending()).toBe(0);
    });

    it('leaves a commit it has just seen to its writer for a grace timed by its own clock, then publishes it (the writer died)', async () => {
      const store = factory.store();
      const bus = new RecordingBus();
      const id = randomUUID();
      const event = collected(id);
      await store.save({
        id,
        expectedVersion: 0,
        state: { barcode: 'A', status: 'collected', history: [] },
        events: [event],
      });
      const survivor = new OutboxRelay({ bus: bus.asBus(), sources: [store], graceMs: 400 });
      expect(await survivor.publishPending()).toBe(0); // first seen now: its writer may be at it
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(await survivor.publishPending()).toBe(1);
      expect(bus.ids()).toEqual([event.event.id]);
    });

    it('runs in the background and publishes right after a save', async () => {
      const bus = new RecordingBus();
      const wakeUp = { relay: undefined as OutboxRelay | undefined };
      const store = factory.store(() => wakeUp.relay?.notify());
      const relay = relayOf({ bus: bus.asBus(), sources: [store], pollIntervalMs: 60_000 });
      wakeUp.relay = relay;
      relay.start();
      const id = randomUUID();
      await store.save({
        id,
        expectedVersion: 0,
        state: { barcode: 'A', status: 'collected', history: [] },
        events: [collected(id)],
      });
      const deadline = Date.now() + 10_000;
      while (bus.published.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await relay.stop();
      expect(bus.published).toHaveLength(1);
    });
    it('publishes a save at once from the commit, without a round over the backlog', async () => {
      const bus = new RecordingBus();
      const wakeUp = { relay: undefined as OutboxRelay | undefined };
      const store = factory.store((source, ids) => wakeUp.relay?.publishSaved(source, ids));
      // No round runs during the test (the poll is a minute away and nothing notifies it).
      const relay = relayOf({ bus: bus.asBus(), sources: [store], pollIntervalMs: 60_000 });
      wakeUp.relay = relay;
      const id = randomUUID();
      const events = [collected(`${id}-1`), collected(`${id}-2`)];
      await store.save({
        id,
        expectedVersion: 0,
        state: { barcode: 'A', status: 'collected', history: [] },
        events,
      });
      const deadline = Date.now() + 10_000;
      while (bus.published.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(bus.ids()).toEqual(events.map((e) => e.event.id));
      await relay.stop(); // lets the publish in hand mark its commit published
      // Marked published: a round finds nothing left.
      expect(await relay.publishPending()).toBe(0);
    });

    it('leaves a saved commit to the round while an earlier one of its aggregate is pending, so order holds', async () => {
      const bus = new RecordingBus();
      const wakeUp = { relay: undefined as OutboxRelay | undefined, direct: false };
      const store = factory.store((source, ids) => {
        if (wakeUp.direct) wakeUp.relay?.publishSaved(source, ids);
      });
      const relay = relayOf({ bus: bus.asBus(), sources: [store], pollIntervalMs: 60_000 });
      wakeUp.relay = relay;
      const id = randomUUID();
      const first = collected(`${id}-1`);
      const second = collected(`${id}-2`);
      // Version 1 saved with nobody publishing it (its writer died before it could).
      await store.save({
        id,
        expectedVersion: 0,
        state: { barcode: 'A', status: 'collected', history: [] },
        events: [first],
      });
      wakeUp.direct = true;
      await store.save({
        id,
        expectedVersion: 1,
        state: { barcode: 'A', status: 'shipped', history: [] },
        events: [second],
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(bus.published).toHaveLength(0); // version 2 waits for version 1
      expect(await relay.publishPending()).toBe(2);
      expect(bus.ids()).toEqual([first.event.id, second.event.id]);
      await relay.stop();
    });
  });
}
