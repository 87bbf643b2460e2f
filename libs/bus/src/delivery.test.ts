import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { backoffMs, deadLetter } from './delivery';
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
