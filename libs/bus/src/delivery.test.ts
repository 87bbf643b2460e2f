import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { createLogger } from '@truyvet/log';
import { backoffMs, deadLetter, deliver } from './delivery';
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
