/**
 * The one behaviour suite every Bus implementation must pass (in-memory and Kafka alike):
 * delivery with key and headers, order per key, consumer groups sharing work, redelivery of work
 * a crashed consumer did not commit, no redelivery of committed work, dedup by event id, retries
 * with backoff, and dead-lettering with the reason while the partition keeps flowing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { createEvent, EventRegistry, SampleCollectedV1 } from '@truyvet/events';
import { eventHandler, eventMessage } from './events';
import { InMemoryDedupStore } from './delivery';
import { deadLetterTopic, headers, type Bus, type ReceivedMessage, type Subscription } from './types';

export interface BusUnderTest {
  bus: Bus;
  /** A second, independent client of the same bus (a second process, for Kafka). */
  otherClient: () => Bus;
  close: () => Promise<void>;
}

const fast = { retries: 2, initialBackoffMs: 10, maxBackoffMs: 50 };

export function describeBusContract(
  name: string,
  make: () => Promise<BusUnderTest>,
  timeoutMs = 30_000,
): void {
  describe(`Bus contract: ${name}`, () => {
    let under: BusUnderTest;
    let bus: Bus;
    const subscriptions: Subscription[] = [];
    const fresh = (what: string): string => `contract-${what}-${randomUUID().slice(0, 8)}`;
    const subscribe: Bus['subscribe'] = async (options) => {
      const subscription = await bus.subscribe(options);
      subscriptions.push(subscription);
      return subscription;
    };

    beforeAll(async () => {
      under = await make();
      bus = under.bus;
    });

    afterAll(async () => {
      await Promise.allSettled(subscriptions.map((s) => s.stop()));
      await under.close();
    });

    async function topic(partitions = 3): Promise<string> {
      const name = fresh('topic');
      await bus.ensureTopics([{ topic: name, partitions }]);
      return name;
    }

    async function readAll(target: Bus, topicName: string, count: number): Promise<ReceivedMessage[]> {
      const seen: ReceivedMessage[] = [];
      const subscription = await target.subscribe({
        groupId: fresh('reader'),
        topics: [topicName],
        handler: (m) => {
          seen.push(m);
          return Promise.resolve();
        },
      });
      subscriptions.push(subscription);
      await until(() => seen.length >= count, `${count} message(s) on ${topicName}`, timeoutMs);
      await subscription.stop();
      return seen;
    }

    it('delivers what was published, with its key and headers', async () => {
      const t = await topic();
      await bus.publish([
        { topic: t, key: 'smp-1', value: '{"n":1}', headers: { [headers.eventId]: 'e-1' } },
      ]);
      const [message] = await readAll(bus, t, 1);
      expect(message).toMatchObject({ topic: t, key: 'smp-1', value: '{"n":1}', attempt: 1 });
      expect(message?.headers[headers.eventId]).toBe('e-1');
    });

    it('keeps order per key across partitions and publish calls', async () => {
      const t = await topic(3);
      const keys = Array.from({ length: 12 }, (_, i) => `person-${i}`);
      for (let round = 0; round < 5; round++) {
        await bus.publish(
          keys.flatMap((key) =>
            Array.from({ length: 4 }, (_, j) => ({ topic: t, key, value: String(round * 4 + j) })),
          ),
        );
      }
      const byKey = new Map<string, number[]>();
      await subscribe({
        groupId: fresh('order'),
        topics: [t],
        partitionsConsumedConcurrently: 3,
        handler: async (m) => {
          await sleep(Math.random() < 0.05 ? 5 : 0);
          byKey.set(m.key ?? '', [...(byKey.get(m.key ?? '') ?? []), Number(m.value)]);
        },
      });
      await until(() => [...byKey.values()].flat().length >= 240, '240 messages', timeoutMs);
      for (const key of keys) expect(byKey.get(key)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it('keeps order per key with several keys of a partition in hand at once', async () => {
      const t = await topic(2);
      const keys = Array.from({ length: 16 }, (_, i) => `person-${i}`);
      await bus.publish(
        Array.from({ length: 10 }, (_, round) =>
          keys.map((key) => ({ topic: t, key, value: String(round) })),
        ).flat(),
      );
      const byKey = new Map<string, number[]>();
      await subscribe({
        groupId: fresh('keys'),
        topics: [t],
        keysConsumedConcurrently: 8,
        handler: async (m) => {
          await sleep(Math.random() < 0.2 ? 3 : 0);
          byKey.set(m.key ?? '', [...(byKey.get(m.key ?? '') ?? []), Number(m.value)]);
        },
      });
      await until(() => [...byKey.values()].flat().length >= 160, '160 messages', timeoutMs);
      for (const key of keys) expect(byKey.get(key)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    });

    it('publishes a call larger than a broker batch (3 MB to one partition), in order', async () => {
      const t = await topic(1);
      const filler = 'x'.repeat(1_000);
      await bus.publish(
        Array.from({ length: 3_000 }, (_, i) => ({ topic: t, key: 'one-key', value: `${i}:${filler}` })),
      );
      const seen = await readAll(bus, t, 3_000);
      expect(seen.map((m) => Number(m.value.split(':')[0]))).toEqual(
        Array.from({ length: 3_000 }, (_, i) => i),
      );
    });

    it("shares a group's work between its members: each message handled once", async () => {
      const t = await topic(4);
      const groupId = fresh('shared');
      const handledBy: Array<[string, string]> = [];
      const other = under.otherClient();
      for (const [member, target] of [
        ['a', bus],
        ['b', other],
      ] as const) {
        subscriptions.push(
          await target.subscribe({
            groupId,
            topics: [t],
            handler: (m) => {
              handledBy.push([member, m.value]);
              return Promise.resolve();
            },
          }),
        );
      }
      await bus.publish(
        Array.from({ length: 100 }, (_, i) => ({ topic: t, key: `k${i}`, value: String(i) })),
      );
      await until(() => handledBy.length >= 100, '100 messages', timeoutMs);
      await sleep(300);
      expect(new Set(handledBy.map(([, v]) => v)).size).toBe(100);
      expect(handledBy).toHaveLength(100);
    });

    it('redelivers to the group what a crashed consumer had not committed', async () => {
      const t = await topic(1);
      const groupId = fresh('crash');
      const firstSaw: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const first = await subscribe({
        groupId,
        topics: [t],
        handler: async (m) => {
          firstSaw.push(m.value);
          await gate; // the effect is still being applied when the process dies
        },
      });
      await bus.publish([{ topic: t, key: 'smp-9', value: 'result-for-smp-9' }]);
      await until(() => firstSaw.length === 1, 'first consumer to take the message', timeoutMs);
      const crashing = first.abort();
      release();
      await crashing;

      const secondSaw: string[] = [];
      await subscribe({
        groupId,
        topics: [t],
        handler: (m) => {
          secondSaw.push(m.value);
          return Promise.resolve();
        },
      });
      await until(() => secondSaw.length === 1, 'redelivery to the restarted consumer', timeoutMs);
      expect(secondSaw).toEqual(['result-for-smp-9']);
    });

    it('does not redeliver what a consumer committed before a graceful stop', async () => {
      const t = await topic(2);
      const groupId = fresh('graceful');
      const seen: string[] = [];
      const handler = (m: ReceivedMessage): Promise<void> => {
        seen.push(m.value);
        return Promise.resolve();
      };
      const first = await subscribe({ groupId, topics: [t], handler });
      await bus.publish(Array.from({ length: 10 }, (_, i) => ({ topic: t, key: `k${i}`, value: `a${i}` })));
      await until(() => seen.length >= 10, 'first 10', timeoutMs);
      await first.stop();
      await subscribe({ groupId, topics: [t], handler });
      await bus.publish([{ topic: t, key: 'k0', value: 'b0' }]);
      await until(() => seen.includes('b0'), 'the message published after the restart', timeoutMs);
      await sleep(300);
      expect(seen.filter((v) => v.startsWith('a')).sort()).toEqual(
        Array.from({ length: 10 }, (_, i) => `a${i}`).sort(),
      );
      expect(seen).toHaveLength(11);
    });

    it('skips an event id the group has already applied, when asked to dedup', async () => {
      const t = await topic(1);
      const event = createEvent(SampleCollectedV1, sampleData('smp-dup'));
      const message = eventMessage({ topic: t, event });
      await bus.publish([message, message, { ...message, value: message.value }]);
      const withDedup: string[] = [];
      const without: string[] = [];
      await subscribe({
        groupId: fresh('dedup'),
        topics: [t],
        dedup: new InMemoryDedupStore(),
        handler: (m) => {
          withDedup.push(m.headers[headers.eventId] ?? '');
          return Promise.resolve();
        },
      });
      await subscribe({
        groupId: fresh('nodedup'),
        topics: [t],
        handler: (m) => {
          without.push(m.headers[headers.eventId] ?? '');
          return Promise.resolve();
        },
      });
      await until(() => without.length === 3, 'three deliveries without dedup', timeoutMs);
      await sleep(300);
      expect(withDedup).toEqual([event.id]);
    });

    it('does not re-run or dead-letter a handled message when recording its id fails', async () => {
      const t = await topic(1);
      const attempts: string[] = [];
      const failingDedup = {
        has: () => Promise.resolve(false),
        add: () => Promise.reject(new Error('store: not primary')),
      };
      await subscribe({
        groupId: fresh('dedup-down'),
        topics: [t],
        dedup: failingDedup,
        retry: fast,
        handler: (m) => {
          attempts.push(`${m.value}#${m.attempt}`);
          return Promise.resolve();
        },
      });
      const message = eventMessage({ topic: t, event: createEvent(SampleCollectedV1, sampleData('smp-x')) });
      await bus.publish([message, { ...message, value: message.value.replace('smp-x', 'smp-y') }]);
      await until(() => attempts.length >= 2, 'both messages', timeoutMs);
      await sleep(200);
      expect(attempts.map((a) => a.split('#')[1])).toEqual(['1', '1']);
    });

    it('hands a message waiting to be retried to the next member when its consumer stops', async () => {
      const t = await topic(1);
      const groupId = fresh('stop-retry');
      const seen: string[] = [];
      const first = await subscribe({
        groupId,
        topics: [t],
        retry: { retries: 5, initialBackoffMs: 60_000, maxBackoffMs: 60_000 },
        handler: (m) => {
          seen.push(`first#${m.attempt}`);
          return Promise.reject(new Error('store timed out'));
        },
      });
      await bus.publish([{ topic: t, key: 'k', value: 'v' }]);
      await until(() => seen.length === 1, 'the first attempt', timeoutMs);
      await first.stop(); // must not wait out a minute of backoff, nor dead-letter the message
      await subscribe({
        groupId,
        topics: [t],
        handler: (m) => {
          seen.push(`second#${m.attempt}`);
          return Promise.resolve();
        },
      });
      await until(() => seen.includes('second#1'), 'redelivery to the next member', timeoutMs);
      expect(seen).toEqual(['first#1', 'second#1']);
    });

    it('retries a failing handler with backoff, and the message is handled once it succeeds', async () => {
      const t = await topic(1);
      const attempts: number[] = [];
      const groupId = fresh('flaky');
      await subscribe({
        groupId,
        topics: [t],
        retry: fast,
        handler: (m) => {
          attempts.push(m.attempt);
          const flaky = m.value === 'v' && m.attempt < 3;
          return flaky ? Promise.reject(new Error('store timed out')) : Promise.resolve();
        },
      });
      await bus.publish([{ topic: t, key: 'k', value: 'v' }]);
      await until(() => attempts.length >= 3, 'three attempts', timeoutMs);
      await bus.publish([{ topic: t, key: 'k', value: 'next' }]);
      await until(() => attempts.length >= 4, 'the next message', timeoutMs);
      await sleep(200);
      expect(attempts).toEqual([1, 2, 3, 1]);
    });

    it('dead-letters a message after its last retry, with the reason, and the partition keeps flowing', async () => {
      const t = await topic(1);
      const groupId = fresh('dlq');
      const handled: string[] = [];
      await subscribe({
        groupId,
        topics: [t],
        retry: fast,
        handler: (m) => {
          if (m.value === 'poison') return Promise.reject(new Error('cannot apply: ward 99999 unknown'));
          handled.push(m.value);
          return Promise.resolve();
        },
      });
      await bus.publish(['before', 'poison', 'after'].map((value) => ({ topic: t, key: 'same-key', value })));
      await until(() => handled.length === 2, 'messages around the poison one', timeoutMs);
      expect(handled).toEqual(['before', 'after']);
      const [dead] = await readAll(bus, deadLetterTopic(groupId), 1);
      expect(dead?.value).toBe('poison');
      expect(dead?.key).toBe('same-key');
      expect(dead?.headers[headers.dlqReason]).toBe('cannot apply: ward 99999 unknown');
      expect(dead?.headers[headers.dlqAttempts]).toBe('3');
      expect(dead?.headers[headers.dlqTopic]).toBe(t);
      expect(dead?.headers[headers.dlqGroup]).toBe(groupId);
    });

    it('dead-letters at once on an error that retrying cannot fix', async () => {
      const t = await topic(1);
      const groupId = fresh('final');
      const attempts: number[] = [];
      await subscribe({
        groupId,
        topics: [t],
        retry: { retries: 5, initialBackoffMs: 1000 },
        handler: (m) => {
          attempts.push(m.attempt);
          return Promise.reject(
            new DomainError('SAMPLE_ALREADY_RESULTED', 'conflict', 'sample already resulted'),
          );
        },
      });
      await bus.publish([{ topic: t, key: 'k', value: 'v' }]);
      const [dead] = await readAll(bus, deadLetterTopic(groupId), 1);
      expect(attempts).toEqual([1]);
      expect(dead?.headers[headers.dlqErrorCode]).toBe('SAMPLE_ALREADY_RESULTED');
    });

    it('dead-letters poison events with the schema problems, and applies the good ones', async () => {
      const t = await topic(1);
      const groupId = fresh('poison');
      const applied: string[] = [];
      const registry = new EventRegistry([SampleCollectedV1]);
      await subscribe({
        groupId,
        topics: [t],
        retry: fast,
        handler: eventHandler(registry, {
          SampleCollected: (event) => {
            applied.push(event.data.sampleId);
            return Promise.resolve();
          },
        }),
      });
      const good = createEvent(SampleCollectedV1, sampleData('smp-good'));
      const badData = { ...good, id: 'bad-data', data: { ...good.data, barcode: '' } };
      await bus.publish([
        { topic: t, key: 'x', value: '{not json' },
        { topic: t, key: 'x', value: JSON.stringify(badData) },
        eventMessage({ topic: t, event: good }),
      ]);
      await until(() => applied.length === 1, 'the good event', timeoutMs);
      expect(applied).toEqual(['smp-good']);
      const dead = await readAll(bus, deadLetterTopic(groupId), 2);
      const reasons = dead.map((m) => m.headers[headers.dlqReason] ?? '');
      expect(reasons[0]).toMatch(/^not JSON/);
      expect(reasons[1]).toMatch(/^invalid SampleCollected v1: data\.barcode: /);
      expect(dead.map((m) => m.headers[headers.dlqErrorCode])).toEqual(['MALFORMED_JSON', 'INVALID_DATA']);
      expect(dead.map((m) => m.headers[headers.dlqAttempts])).toEqual(['1', '1']);
    });
  });
}

export function sampleData(sampleId: string): Parameters<typeof createEvent<typeof SampleCollectedV1>>[1] {
  return {
    sampleId,
    barcode: `BC-${sampleId}`,
    pooled: false,
    personIds: [`person-of-${sampleId}`],
    collectedAt: '2021-11-07T08:30:00+07:00',
    site: { districtCode: '916', wardCode: '31117' },
    reason: 'mass_testing',
    specimenType: 'oropharyngeal',
  };
}

export async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
