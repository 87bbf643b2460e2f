/**
 * Sends a consumer group's dead letters back to the topics they came from, once the cause is fixed
 * (a new release, a rule corrected, a missing record added). Each goes back with its key, value and
 * headers (its event id among them) and without the dead-letter headers; every group on that topic
 * sees it again, and those that had applied it skip it (consumers are idempotent, ADR 5). What was
 * replayed is remembered by the replay's own consumer group, so a second run sends only what came
 * since; a letter that fails again lands in the dead-letter topic again, with its new reason.
 */
import type { Logger } from '@truyvet/log';
import type { KafkaBus } from './kafka-bus';
import { deadLetterTopic, headers, type ReceivedMessage } from './types';

export interface ReplayOutcome {
  /** Letters sent back to their topic. */
  replayed: number;
  /** Letters without the topic they came from (not made by this bus): left where they are. */
  skipped: number;
}

const DEAD_LETTER_HEADERS = new Set<string>([
  headers.dlqReason,
  headers.dlqErrorCode,
  headers.dlqGroup,
  headers.dlqTopic,
  headers.dlqPartition,
  headers.dlqOffset,
  headers.dlqAttempts,
  headers.dlqFailedAt,
]);

/** The group whose committed offsets say how far a group's dead letters have been replayed. */
export function replayGroupOf(groupId: string): string {
  return `${deadLetterTopic(groupId)}.replayed`;
}

export async function replayDeadLetters(
  bus: KafkaBus,
  groupId: string,
  options: { logger?: Logger; timeoutMs?: number } = {},
): Promise<ReplayOutcome> {
  const topic = deadLetterTopic(groupId);
  const replayGroup = replayGroupOf(groupId);
  const admin = bus.client.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return { replayed: 0, skipped: 0 };
    // The letters there now: the replay is done once its group has committed past all of them.
    const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
    const outcome: ReplayOutcome = { replayed: 0, skipped: 0 };
    const subscription = await bus.subscribe({
      groupId: replayGroup,
      topics: [topic],
      handler: async (letter: ReceivedMessage) => {
        const original = letter.headers[headers.dlqTopic];
        if (!original) {
          outcome.skipped += 1;
          options.logger?.warn({ topic, offset: letter.offset }, 'a dead letter without its topic: left');
          return;
        }
        await bus.publish([
          {
            topic: original,
            key: letter.key ?? '',
            value: letter.value,
            headers: Object.fromEntries(
              Object.entries(letter.headers).filter(([name]) => !DEAD_LETTER_HEADERS.has(name)),
            ),
          },
        ]);
        outcome.replayed += 1;
      },
    });
    try {
      const deadline = Date.now() + (options.timeoutMs ?? 120_000);
      for (;;) {
        const [committed] = await admin.fetchOffsets({ groupId: replayGroup, topics: [topic] });
        const done = [...ends].every(([partition, end]) => {
          const at = committed?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
          return end === 0n || BigInt(at) >= end;
        });
        if (done) break;
        if (Date.now() > deadline) throw new Error(`replaying ${topic} did not finish in time`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await subscription.stop();
    }
    options.logger?.info({ topic, ...outcome }, 'dead letters replayed');
    return outcome;
  } finally {
    await admin.disconnect();
  }
}
