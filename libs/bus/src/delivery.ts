import { DomainError, isInfrastructureFailure, isRetryable } from '@truyvet/errors';
import type { Logger } from '@truyvet/log';
import {
  deadLetterTopic,
  headers,
  type DedupStore,
  type OutgoingMessage,
  type ReceivedMessage,
  type RetryPolicy,
} from './types';

export function backoffMs(policy: RetryPolicy, retry: number): number {
  const exponential = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (retry - 1));
  // Jitter so that consumers retrying after one outage do not all hit the store at the same moment.
  return Math.round(exponential * (0.75 + Math.random() * 0.5));
}

export interface DeliveryContext {
  groupId: string;
  policy: RetryPolicy;
  dedup: DedupStore | undefined;
  logger: Logger;
  /** Publishes the dead-letter record; must be durable before the offset is committed. */
  publish: (messages: readonly OutgoingMessage[]) => Promise<void>;
  /** Waits between retries (the Kafka bus heartbeats meanwhile); resolves false if the consumer is stopping. */
  pause: (ms: number) => Promise<boolean>;
  /** False once the subscription is aborted: from then on nothing is marked done. */
  isLive: () => boolean;
}

export type DeliveryOutcome = 'handled' | 'skipped_duplicate' | 'dead_lettered' | 'interrupted';

/**
 * Delivers one message: skip it if its event was already applied, else run the handler with
 * retries and backoff; a non-retryable error, or the last retry's, sends it to the group's
 * dead-letter topic with the reason. Only 'interrupted' leaves the offset uncommitted.
 */
export async function deliver(
  message: ReceivedMessage,
  handler: (message: ReceivedMessage) => Promise<void>,
  ctx: DeliveryContext,
): Promise<DeliveryOutcome> {
  // Headers are decoded lazily by the Kafka bus: read them only when they are needed.
  const eventId = ctx.dedup ? message.headers[headers.eventId] : undefined;
  if (ctx.dedup && eventId && (await ctx.dedup.has(ctx.groupId, eventId))) return 'skipped_duplicate';
  for (let attempt = 1; ; attempt++) {
    try {
      // One object per delivery (this is the hot path): each retry sees its own attempt number.
      message.attempt = attempt;
      await handler(message);
    } catch (error) {
      if (!ctx.isLive()) return 'interrupted';
      const retryable = isRetryable(error);
      const where = {
        topic: message.topic,
        partition: message.partition,
        offset: message.offset,
        eventId: message.headers[headers.eventId],
        attempt,
      };
      // The store or the broker away, or a version another writer holds (a writer that died
      // mid-save holds it until the store takes it over): nothing is wrong with the message, so
      // wait as long as it takes (the partition waits; the consumer stays in its group).
      const away =
        isInfrastructureFailure(error) ||
        (error instanceof DomainError &&
          (error.code === 'CONCURRENT_UPDATE' || error.code === 'VERSION_HELD'));
      if (retryable && (attempt <= ctx.policy.retries || away)) {
        ctx.logger.warn({ ...where, err: error, away }, 'handler failed, will retry');
        if (!(await ctx.pause(backoffMs(ctx.policy, attempt)))) return 'interrupted';
        continue;
      }
      ctx.logger.error({ ...where, err: error }, 'handler failed for good: dead-lettering the message');
      await ctx.publish([deadLetter(message, ctx.groupId, error, attempt)]);
      return 'dead_lettered';
    }
    if (!ctx.isLive()) return 'interrupted';
    if (ctx.dedup && eventId) {
      // The effect is done: a failure to remember that must not re-run or dead-letter it. At worst
      // a redelivery reaches the handler again, which is idempotent anyway.
      await ctx.dedup.add(ctx.groupId, eventId).catch((error: unknown) => {
        ctx.logger.warn({ err: error, eventId }, 'could not record the event as applied');
      });
    }
    return 'handled';
  }
}

/**
 * Delivers one partition's batch with up to `keysAtOnce` keys in hand at once: the messages of one
 * key one after another in offset order (Kafka's only order guarantee is per partition, and
 * events about one thing share a key), different keys side by side, the earliest waiting message
 * first. `settled` is called in offset order for the longest run of messages that are all done
 * (handled, skipped as duplicates, dead-lettered), so an offset is never committed past a message
 * still in hand: a crash redelivers what was not settled, never skips it. Once a delivery is
 * interrupted or `proceed()` turns false no new message starts; the ones in hand finish.
 */
export async function deliverByKey(
  messages: readonly ReceivedMessage[],
  handler: (message: ReceivedMessage) => Promise<void>,
  ctx: DeliveryContext,
  keysAtOnce: number,
  proceed: () => boolean,
  settled: (message: ReceivedMessage) => Promise<void>,
): Promise<void> {
  const started = new Array<boolean>(messages.length).fill(false);
  const done = new Array<boolean>(messages.length).fill(false);
  const busyKeys = new Set<string | null>();
  let firstNotStarted = 0;
  let firstNotSettled = 0;
  let stopping = false;
  let settling = Promise.resolve();

  /** The earliest message not started whose key is free (an earlier one of its key is done). */
  const take = (): number => {
    while (firstNotStarted < messages.length && started[firstNotStarted]) firstNotStarted++;
    for (let i = firstNotStarted; i < messages.length; i++) {
      const message = messages[i] as ReceivedMessage;
      if (started[i] || busyKeys.has(message.key)) continue;
      return i;
    }
    return -1;
  };
  const settle = (): Promise<void> => {
    settling = settling.then(async () => {
      while (firstNotSettled < messages.length && done[firstNotSettled]) {
        await settled(messages[firstNotSettled] as ReceivedMessage);
        firstNotSettled++;
      }
    });
    return settling;
  };
  const inHand = new Set<Promise<void>>();
  // A delivery or a settling that throws (the store or the broker away where no retry reaches:
  // the dedup lookup, the dead-letter record, a commit) stops the batch; the deliveries still in
  // hand finish before it is rethrown, so no handler outlives the batch it came in.
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown): void => {
    failure ??= { error };
    stopping = true;
  };
  const start = (i: number): void => {
    const message = messages[i] as ReceivedMessage;
    started[i] = true;
    busyKeys.add(message.key);
    const delivery: Promise<void> = deliver(message, handler, ctx)
      .then(async (outcome) => {
        busyKeys.delete(message.key);
        if (outcome === 'interrupted') {
          stopping = true;
          return;
        }
        done[i] = true;
        await settle();
      })
      .catch(fail)
      .finally(() => {
        inHand.delete(delivery);
      });
    inHand.add(delivery);
  };
  for (;;) {
    while (!stopping && inHand.size < Math.max(1, keysAtOnce)) {
      if (!proceed()) {
        stopping = true;
        break;
      }
      const next = take();
      if (next < 0) break; // what is left waits for a key in hand
      start(next);
    }
    if (inHand.size === 0) break;
    await Promise.race(inHand);
  }
  if (!failure) await settle().catch(fail);
  if (failure) throw failure.error;
}

export function deadLetter(
  message: Omit<ReceivedMessage, 'attempt'>,
  groupId: string,
  error: unknown,
  attempts: number,
): OutgoingMessage {
  // Capped: a reason listing thousands of fields must not push the record past the broker's size limit.
  const fullReason = error instanceof Error ? error.message : String(error);
  const reason =
    fullReason.length > 4_000 ? `${fullReason.slice(0, 4_000)}... (${fullReason.length} chars)` : fullReason;
  const code = error instanceof DomainError ? error.code : error instanceof Error ? error.name : 'UNKNOWN';
  return {
    topic: deadLetterTopic(groupId),
    key: message.key ?? '',
    value: message.value,
    headers: {
      ...message.headers,
      [headers.dlqReason]: reason,
      [headers.dlqErrorCode]: code,
      [headers.dlqGroup]: groupId,
      [headers.dlqTopic]: message.topic,
      [headers.dlqPartition]: String(message.partition),
      [headers.dlqOffset]: message.offset,
      [headers.dlqAttempts]: String(attempts),
      [headers.dlqFailedAt]: new Date().toISOString(),
    },
  };
}

/** Dedup for tests and the embedded quick start; the real one is in @truyvet/store. */
export class InMemoryDedupStore implements DedupStore {
  private readonly seen = new Set<string>();

  has(groupId: string, eventId: string): Promise<boolean> {
    return Promise.resolve(this.seen.has(`${groupId}\u0000${eventId}`));
  }

  add(groupId: string, eventId: string): Promise<void> {
    this.seen.add(`${groupId}\u0000${eventId}`);
    return Promise.resolve();
  }
}
