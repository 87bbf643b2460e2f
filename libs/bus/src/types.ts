/** A message as it travels: the value is the event's JSON, the key picks the partition. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface ReceivedMessage {
  topic: string;
  partition: number;
  /** Kafka offsets are 64-bit: kept as decimal strings. */
  offset: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
  /** 1 on the first try of this delivery, 2 on the first retry, ... */
  attempt: number;
}

export type MessageHandler = (message: ReceivedMessage) => Promise<void>;

export interface RetryPolicy {
  /** Retries after the first attempt; after the last one the message goes to the dead-letter topic. */
  retries: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 5, initialBackoffMs: 200, maxBackoffMs: 10_000 };

/** Remembers which event ids a consumer group has applied, so a redelivery is skipped. */
export interface DedupStore {
  has(groupId: string, eventId: string): Promise<boolean>;
  add(groupId: string, eventId: string): Promise<void>;
}

export interface SubscribeOptions {
  groupId: string;
  topics: string[];
  handler: MessageHandler;
  retry?: Partial<RetryPolicy>;
  /** Skip events (by the `event-id` header) this group has already applied. */
  dedup?: DedupStore;
  /** How many partitions one instance works on at once; order is kept within each partition. */
  partitionsConsumedConcurrently?: number;
  /**
   * How many keys of one partition's batch are worked on at once (default 1: one message at a
   * time). Order is kept per key, which is all Kafka promises across partitions anyway; offsets are
   * committed only up to the first message not yet done. Handlers must then be safe to run side by
   * side for different keys (optimistic saves are: a collision is retried).
   */
  keysConsumedConcurrently?: number;
  /**
   * The consumer stopped for good (an error the client will not restart after). Default: the bus
   * replaces it with a new consumer of the group (after a pause that grows), so a service never
   * stays alive consuming nothing; given, this is called instead (e.g. to exit and let a process
   * supervisor restart the service).
   */
  onFatal?: (error: unknown) => void;
  /**
   * Told each time this instance has joined its group: at start, and after each rebalance (another
   * instance came, left or died, and partitions moved). What a dead instance left half done, e.g. its
   * outbox, can be looked at then.
   */
  onJoined?: () => void;
}

export interface Subscription {
  /** Graceful: take no new messages, finish the one in hand, commit, leave the group. */
  stop(): Promise<void>;
  /**
   * As if the process died: whatever is in hand is not committed and will be delivered again to
   * the group. For crash tests and for giving up after a fatal error.
   */
  abort(): Promise<void>;
}

export interface TopicToEnsure {
  topic: string;
  partitions: number;
}

/**
 * Publish and subscribe, hidden behind this interface so the Kafka client can be swapped
 * (kafkajs is no longer maintained). The Kafka and in-memory implementations pass one contract
 * suite: per-key order, redelivery of uncommitted work, dedup by event id, DLQ after retries.
 */
export interface Bus {
  /** Creates missing topics (existing ones are left as they are). */
  ensureTopics(topics: readonly TopicToEnsure[]): Promise<void>;
  /** Resolves once every message is durably accepted (acks from all in-sync replicas). */
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Stops every subscription gracefully, then closes connections. */
  close(): Promise<void>;
}

/** Headers every event message carries, so tools and the DLQ can read them without parsing the value. */
export const headers = {
  eventId: 'event-id',
  eventType: 'event-type',
  eventVersion: 'event-version',
  correlationId: 'correlation-id',
  // Added to a dead-lettered message:
  dlqReason: 'dlq-reason',
  dlqErrorCode: 'dlq-error-code',
  dlqGroup: 'dlq-group',
  dlqTopic: 'dlq-original-topic',
  dlqPartition: 'dlq-original-partition',
  dlqOffset: 'dlq-original-offset',
  dlqAttempts: 'dlq-attempts',
  dlqFailedAt: 'dlq-failed-at',
} as const;

/** Each consumer group has its own dead-letter topic. */
export function deadLetterTopic(groupId: string): string {
  return `${groupId}.dlq`;
}
