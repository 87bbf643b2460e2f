import { afterAll, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { describeWithInfra, uniqueName } from '../../../test/harness';
import { KafkaBus } from './kafka-bus';
import { replayDeadLetters } from './replay';
import { deadLetterTopic, headers, type ReceivedMessage, type Subscription } from './types';

async function until(done: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeWithInfra('replaying a group’s dead letters on a real broker', (infra) => {
  const bus = new KafkaBus({ brokers: infra.kafkaBrokers, clientId: uniqueName('replay') });
  afterAll(async () => {
    await bus.close();
  });

  it('sends a dead letter back to its topic once the cause is fixed, without its dead-letter headers, once', async () => {
    const topic = uniqueName('replay-topic');
    const groupId = uniqueName('replay-group');
    await bus.ensureTopics([{ topic, partitions: 2 }]);
    let wardKnown = false; // the cause: a ward the service did not know yet
    const applied: ReceivedMessage[] = [];
    const subscription: Subscription = await bus.subscribe({
      groupId,
      topics: [topic],
      retry: { retries: 0, initialBackoffMs: 10, maxBackoffMs: 10 },
      handler: (message) => {
        if (message.value.includes('31999') && !wardKnown)
          return Promise.reject(new DomainError('UNKNOWN_WARD', 'invalid', 'ward 31999 is not known'));
        applied.push(message);
        return Promise.resolve();
      },
    });
    try {
      await bus.publish(
        ['ward 31117', 'ward 31999', 'ward 31120'].map((value, i) => ({
          topic,
          key: 'p-1',
          value,
          headers: { [headers.eventId]: `evt-${String(i)}` },
        })),
      );
      await until(() => applied.length === 2, 'the two good messages');
      // Nothing to replay yet that would work: the fix comes first.
      wardKnown = true;
      await expect(replayDeadLetters(bus, groupId)).resolves.toEqual({ replayed: 1, skipped: 0 });
      await until(() => applied.length === 3, 'the replayed message');
      const replayed = applied[2];
      expect(replayed?.value).toBe('ward 31999');
      expect(replayed?.key).toBe('p-1');
      expect(replayed?.headers[headers.eventId]).toBe('evt-1');
      expect(Object.keys(replayed?.headers ?? {}).filter((h) => h.startsWith('dlq-'))).toEqual([]);
      // A second run sends only what died since: nothing.
      await expect(replayDeadLetters(bus, groupId)).resolves.toEqual({ replayed: 0, skipped: 0 });
      expect(applied).toHaveLength(3);
    } finally {
      await subscription.stop();
    }
  }, 120_000);

  it('has nothing to do for a group that never dead-lettered', async () => {
    const groupId = uniqueName('replay-none');
    await expect(replayDeadLetters(bus, groupId)).resolves.toEqual({ replayed: 0, skipped: 0 });
    expect(deadLetterTopic(groupId)).toBe(`${groupId}.dlq`);
  });
});
