import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { createLogger } from '@truyvet/log';
import { backoffMs, deadLetter, deliver, deliverByKey } from './delivery';
import { headers } from './types';

const message = {
  topic: 'truyvet.samples',
  partition: 2,
  offset: '41',
  key: 'smp-1',
  value: '{}',
  headers: { 'event-id': 'e1' },
};

describe('dead-letter records', () => {
  it('keep the original message and say where it came from and why', () => {
    const record = deadLetter(
      message,
      'case-graph',
      new DomainError('INVALID_DATA', 'invalid', 'data.barcode: Required'),
      1,
    );
    expect(record).toMatchObject({ topic: 'case-graph.dlq', key: 'smp-1', value: '{}' });
    expect(record.headers).toMatchObject({
      'event-id': 'e1',
      [headers.dlqReason]: 'data.barcode: Required',
      [headers.dlqErrorCode]: 'INVALID_DATA',
      [headers.dlqTopic]: 'truyvet.samples',
      [headers.dlqPartition]: '2',
      [headers.dlqOffset]: '41',
      [headers.dlqAttempts]: '1',
      [headers.dlqGroup]: 'case-graph',
    });
  });

  it('cap a very long reason so the record stays under the broker size limit', () => {
    const reason =
      deadLetter(message, 'g', new Error('x'.repeat(100_000)), 3).headers?.[headers.dlqReason] ?? '';
    expect(reason.length).toBeLessThan(4_100);
    expect(reason).toMatch(/\(100000 chars\)$/);
  });
});

describe('retry backoff', () => {
  it('grows exponentially with jitter and stays under the maximum', () => {
    const policy = { retries: 10, initialBackoffMs: 100, maxBackoffMs: 1_000 };
    for (let i = 0; i < 50; i++) {
      const first = backoffMs(policy, 1);
      expect(first).toBeGreaterThanOrEqual(75);
      expect(first).toBeLessThanOrEqual(125);
      expect(backoffMs(policy, 8)).toBeLessThanOrEqual(1_250);
    }
  });
});

/** A delivery context that records what is dead-lettered and never really waits. */
const deliveryContext = (published: unknown[]) => ({
  groupId: 'g',
  policy: { retries: 2, initialBackoffMs: 1, maxBackoffMs: 2 },
  dedup: undefined,
  logger: createLogger({ name: 'test', level: 'silent' }),
  publish: (messages: readonly unknown[]) => {
    published.push(...messages);
    return Promise.resolve();
  },
  pause: () => Promise.resolve(true),
  isLive: () => true,
});

describe('a store or broker away', () => {
  const away = () => {
    const error = new Error('connect ECONNREFUSED 127.0.0.1:27017');
    error.name = 'MongoServerSelectionError';
    return error;
  };

  it('is waited for past the retry limit, and the message is not dead-lettered', async () => {
    const published: unknown[] = [];
    let calls = 0;
    const outcome = await deliver(
      { ...message, attempt: 0 },
      () => {
        calls++;
        return calls < 10 ? Promise.reject(away()) : Promise.resolve();
      },
      deliveryContext(published),
    );
    expect(outcome).toBe('handled');
    expect(calls).toBe(10);
    expect(published).toEqual([]);
  });

  it('while any other failure still ends in the dead-letter topic after the retries', async () => {
    const published: unknown[] = [];
    let calls = 0;
    const outcome = await deliver(
      { ...message, attempt: 0 },
      () => {
        calls++;
        return Promise.reject(new TypeError('cannot read properties of undefined'));
      },
      deliveryContext(published),
    );
    expect(outcome).toBe('dead_lettered');
    expect(calls).toBe(3);
    expect(published).toHaveLength(1);
  });
});

describe('a version another writer holds', () => {
  it.each([
    [
      'changed since it was read',
      new DomainError('CONCURRENT_UPDATE', 'conflict', 'changed', { retryable: true }),
    ],
    ['held by a marker without its commit', new DomainError('VERSION_HELD', 'unavailable', 'held')],
  ])('(%s) is retried past the retry limit rather than dead-lettered', async (_, error) => {
    const published: unknown[] = [];
    let calls = 0;
    const outcome = await deliver(
      { ...message, attempt: 0 },
      () => {
        calls++;
        return calls < 8 ? Promise.reject(error) : Promise.resolve();
      },
      deliveryContext(published),
    );
    expect(outcome).toBe('handled');
    expect(calls).toBe(8);
    expect(published).toEqual([]);
  });
});

describe('a batch delivered key by key', () => {
  /** Messages of one partition: offset i, the given keys in that order. */
  const batch = (keys: readonly string[]) =>
    keys.map((key, i) => ({ ...message, key, offset: String(i), value: `${key}#${i}`, attempt: 0 }));
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

  it('keeps each key in offset order, runs keys side by side, and settles offsets in order only', async () => {
    const messages = batch(['a', 'b', 'a', 'c', 'b', 'a', 'd', 'c']);
    const handled: string[] = [];
    const settled: string[] = [];
    let inHand = 0;
    let mostInHand = 0;
    await deliverByKey(
      messages,
      async (m) => {
        inHand++;
        mostInHand = Math.max(mostInHand, inHand);
        // Key a is slow: the others must not wait for it.
        for (let t = 0; t < (m.key === 'a' ? 5 : 1); t++) await tick();
        handled.push(m.value);
        inHand--;
      },
      deliveryContext([]),
      3,
      () => true,
      (m) => {
        // Everything before a settled message is handled already.
        expect(handled).toContain(m.value);
        settled.push(m.offset);
        return Promise.resolve();
      },
    );
    expect(settled).toEqual(messages.map((m) => m.offset));
    for (const key of ['a', 'b', 'c', 'd']) {
      const ofKey = handled.filter((v) => v.startsWith(`${key}#`));
      expect(ofKey).toEqual(messages.filter((m) => m.key === key).map((m) => m.value));
    }
    expect(mostInHand).toBe(3);
    expect(handled.indexOf('b#4')).toBeLessThan(handled.indexOf('a#2')); // b went on while a was slow
  });

  it('one key at a time is the plain offset order', async () => {
    const messages = batch(['a', 'b', 'a', 'c']);
    const handled: string[] = [];
    await deliverByKey(
      messages,
      (m) => {
        handled.push(m.offset);
        return Promise.resolve();
      },
      deliveryContext([]),
      1,
      () => true,
      () => Promise.resolve(),
    );
    expect(handled).toEqual(['0', '1', '2', '3']);
  });

  it('never settles past an interrupted message, whatever was done beside it', async () => {
    const messages = batch(['a', 'b', 'c', 'd', 'e']);
    const settled: string[] = [];
    let live = true;
    const ctx = { ...deliveryContext([]), isLive: () => live };
    const handled: string[] = [];
    await deliverByKey(
      messages,
      async (m) => {
        if (m.key === 'c') {
          await tick(); // b, started beside a, is done by now
          await tick();
          live = false; // the consumer is aborted while c is in hand
          throw new Error('aborted');
        }
        await tick();
        handled.push(m.key ?? '');
      },
      ctx,
      2,
      () => live,
      (m) => {
        settled.push(m.offset);
        return Promise.resolve();
      },
    );
    // a and b done; c interrupted: d, handled beside it, is still not settled past c
    expect(handled).toContain('d');
    expect(settled).toEqual(['0', '1']);
  });

  it('stops on a delivery that fails outright, lets the others in hand finish, then throws', async () => {
    const messages = batch(['x', 'y', 'x']);
    const handled: string[] = [];
    let inHand = 0;
    // The dedup lookup is outside the handler's retries: the store away there fails the delivery.
    const ctx = {
      ...deliveryContext([]),
      dedup: {
        has: (_group: string, eventId: string) =>
          eventId === 'x0' ? Promise.reject(new Error('store away')) : Promise.resolve(false),
        add: () => Promise.resolve(),
      },
    };
    const settled: string[] = [];
    await expect(
      deliverByKey(
        messages.map((m) => ({ ...m, headers: { 'event-id': `${m.key}${m.offset}` } })),
        async (m) => {
          inHand++;
          await tick();
          await tick();
          handled.push(m.value);
          inHand--;
        },
        ctx,
        2,
        () => true,
        (m) => {
          settled.push(m.offset);
          return Promise.resolve();
        },
      ),
    ).rejects.toThrow('store away');
    expect(inHand).toBe(0); // nothing still running once it has thrown
    expect(handled).toEqual(['y#1']); // x's later message never ran before the failed one
    expect(settled).toEqual([]); // and nothing is committed past the failed one
  });
});
