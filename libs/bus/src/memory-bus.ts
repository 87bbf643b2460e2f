import { createLogger, type Logger } from '@truyvet/log';
import { deliver, type DeliveryContext } from './delivery';
import {
  deadLetterTopic,
  defaultRetryPolicy,
  type Bus,
  type OutgoingMessage,
  type ReceivedMessage,
  type SubscribeOptions,
  type Subscription,
  type TopicToEnsure,
} from './types';

interface StoredMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Wakes every waiting worker; a waiter that arrives after a notify waits for the next one. */
class Signal {
  private waiters: Array<() => void> = [];

  wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

class Member {
  /** False once aborted: nothing this member finishes is committed any more. */
  live = true;
  /** Set by stop(): retries waiting for their backoff give up (the message is redelivered). */
  stopping = false;
  stopped: Promise<void> | undefined;
  readonly inFlight = new Set<Promise<unknown>>();

  constructor(readonly options: SubscribeOptions) {}
}

class Group {
  readonly members: Member[] = [];
  readonly committed = new Map<string, number>();
  /** topic/partition -> member working it */
  readonly assignment = new Map<string, Member>();
  readonly workers = new Set<string>();
}

/**
 * The bus in one process, with Kafka's semantics where they matter to the services: topics with
 * partitions chosen by key, per-partition order, consumer groups sharing partitions, offsets
 * committed only after the handler's effect, redelivery of uncommitted work, retries and DLQ.
 * For unit tests and the embedded quick start. Nothing is persisted: a restart starts empty.
 */
export class InMemoryBus implements Bus {
  private readonly topics = new Map<string, StoredMessage[][]>();
  private readonly groups = new Map<string, Group>();
  private readonly signal = new Signal();
  private readonly logger: Logger;
  private closed = false;

  constructor(options: { logger?: Logger } = {}) {
    this.logger = options.logger ?? createLogger({ name: 'memory-bus' });
  }

  ensureTopics(topics: readonly TopicToEnsure[]): Promise<void> {
    for (const { topic, partitions } of topics) {
      if (!this.topics.has(topic)) {
        this.topics.set(
          topic,
          Array.from({ length: partitions }, () => []),
        );
      }
    }
    return Promise.resolve();
  }

  publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('bus is closed'));
    for (const message of messages) {
      if (!this.topics.has(message.topic)) {
        return Promise.reject(new Error(`topic ${message.topic} does not exist`));
      }
    }
    for (const message of messages) {
      const partitions = this.topics.get(message.topic) ?? [];
      const partition = partitions[partitionFor(message.key, partitions.length)];
      partition?.push({ key: message.key, value: message.value, headers: { ...message.headers } });
    }
    this.signal.notify();
    return Promise.resolve();
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    if (this.closed) throw new Error('bus is closed');
    for (const topic of options.topics) {
      if (!this.topics.has(topic)) throw new Error(`topic ${topic} does not exist`);
    }
    await this.ensureTopics([{ topic: deadLetterTopic(options.groupId), partitions: 1 }]);
    const group = this.groups.get(options.groupId) ?? new Group();
    this.groups.set(options.groupId, group);
    const member = new Member(options);
    group.members.push(member);
    this.rebalance(options.groupId, group);
    const leave = (): void => {
      const index = group.members.indexOf(member);
      if (index >= 0) group.members.splice(index, 1);
      this.rebalance(options.groupId, group);
    };
    return {
      stop: () => {
        member.stopping = true;
        member.stopped ??= (async () => {
          leave();
          await Promise.allSettled([...member.inFlight]);
          member.live = false;
        })();
        return member.stopped;
      },
      abort: async () => {
        member.live = false;
        leave();
        await Promise.allSettled([...member.inFlight]); // as with Kafka: returns once the handler does
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const inFlight: Array<Promise<unknown>> = [];
    for (const group of this.groups.values()) {
      for (const member of group.members.splice(0)) {
        member.stopping = true;
        inFlight.push(...member.inFlight);
      }
      group.assignment.clear();
    }
    this.signal.notify();
    await Promise.allSettled(inFlight);
  }

  /** What a topic holds, partition by partition: for tests. */
  read(topic: string): ReceivedMessage[] {
    const partitions = this.topics.get(topic) ?? [];
    return partitions.flatMap((messages, partition) =>
      messages.map((m, offset) => ({ topic, partition, offset: String(offset), ...m, attempt: 1 })),
    );
  }

  /** Messages not yet committed by a group, over all its topics (the in-memory consumer lag). */
  lag(groupId: string, topics: readonly string[]): number {
    const group = this.groups.get(groupId);
    let lag = 0;
    for (const topic of topics) {
      (this.topics.get(topic) ?? []).forEach((messages, partition) => {
        lag += messages.length - (group?.committed.get(`${topic}/${partition}`) ?? 0);
      });
    }
    return lag;
  }

  // Round-robin of each subscribed topic's partitions over the members subscribed to it.
  private rebalance(groupId: string, group: Group): void {
    group.assignment.clear();
    const topics = new Set(group.members.flatMap((m) => m.options.topics));
    for (const topic of topics) {
      const members = group.members.filter((m) => m.options.topics.includes(topic));
      const partitions = this.topics.get(topic)?.length ?? 0;
      for (let partition = 0; partition < partitions; partition++) {
        const member = members[partition % members.length];
        const tp = `${topic}/${partition}`;
        if (member) group.assignment.set(tp, member);
        if (!group.workers.has(tp)) {
          group.workers.add(tp);
          void this.work(groupId, group, topic, partition);
        }
      }
    }
    for (const member of group.members) member.options.onJoined?.();
    this.signal.notify();
  }

  // One worker per group and partition: delivers in offset order to whichever member holds it.
  private async work(groupId: string, group: Group, topic: string, partition: number): Promise<void> {
    const tp = `${topic}/${partition}`;
    while (!this.closed) {
      const member = group.assignment.get(tp);
      const offset = group.committed.get(tp) ?? 0;
      const stored = this.topics.get(topic)?.[partition]?.[offset];
      if (!member || !stored) {
        await this.signal.wait();
        continue;
      }
      const message = {
        topic,
        partition,
        offset: String(offset),
        ...stored,
        headers: { ...stored.headers },
        attempt: 1,
      };
      const delivery = deliver(message, member.options.handler, this.deliveryContext(groupId, member));
      member.inFlight.add(delivery);
      let outcome;
      try {
        outcome = await delivery;
      } catch (error) {
        // Only the dead-letter publish can throw here: leave the offset, try again shortly.
        this.logger.error({ err: error, topic, partition, offset }, 'delivery failed; will redeliver');
        await sleep(50);
        continue;
      } finally {
        member.inFlight.delete(delivery);
      }
      if (outcome !== 'interrupted') group.committed.set(tp, offset + 1);
    }
  }

  private deliveryContext(groupId: string, member: Member): DeliveryContext {
    return {
      groupId,
      policy: { ...defaultRetryPolicy, ...member.options.retry },
      dedup: member.options.dedup,
      logger: this.logger,
      publish: (messages) => this.publish(messages),
      pause: async (ms) => {
        const until = Date.now() + ms;
        const going = (): boolean => member.live && !member.stopping && !this.closed;
        while (going() && Date.now() < until) await sleep(Math.min(50, until - Date.now()));
        return going();
      },
      isLive: () => member.live && !this.closed,
    };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** FNV-1a: stable, so one key always lands on one partition. */
export function partitionFor(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % Math.max(1, partitions);
}
