/**
 * Everything that went over the bus, read back with a plain kafkajs consumer of its own: each
 * event's type, id, Kafka timestamp and data; and each dead-letter record with its reason. The
 * fault suite counts from it (lost: an expected thing with no event; doubled: two different events
 * for one thing), the benchmark takes its latencies from the timestamps.
 */
import { Kafka, logLevel } from 'kafkajs';
import { allTopics } from '@truyvet/events';
import { headers } from '@truyvet/bus';

export interface LedgerEntry {
  topic: string;
  id: string;
  type: string;
  /** Broker (producer create) time, epoch ms. */
  at: number;
  /** When the event was decided (its envelope's time), epoch ms: `at` minus this is the outbox's part. */
  occurredAt: number;
  /** The event that caused it, if any. */
  causationId: string | null;
  data: Record<string, unknown>;
}

export interface DeadLetter {
  topic: string;
  reason: string;
  errorCode: string;
  from: string;
  value: string;
}

export const DLQ_GROUPS = ['sample-collection', 'lab-results', 'case-graph', 'reporting'];

export class BusLedger {
  readonly entries: LedgerEntry[] = [];
  readonly deadLetters: DeadLetter[] = [];
  private readonly kafka: Kafka;
  private consumer: ReturnType<Kafka['consumer']> | undefined;

  constructor(
    brokers: readonly string[],
    private readonly groupId: string,
  ) {
    this.kafka = new Kafka({ brokers: [...brokers], clientId: groupId, logLevel: logLevel.NOTHING });
  }

  /** Starts reading every stream (and the dead-letter topics that exist) from the beginning. */
  async start(dlqGroups: readonly string[] = DLQ_GROUPS): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    await admin.disconnect();
    const dlqs = dlqGroups.map((g) => `${g}.dlq`).filter((t) => existing.has(t));
    const consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 100 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...allTopics.map((t) => t.topic), ...dlqs], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          const value = message.value?.toString('utf8') ?? '';
          if (batch.topic.endsWith('.dlq')) {
            const header = (name: string) => message.headers?.[name]?.toString() ?? '';
            this.deadLetters.push({
              topic: batch.topic,
              reason: header(headers.dlqReason),
              errorCode: header(headers.dlqErrorCode),
              from: header(headers.dlqTopic),
              value,
            });
            continue;
          }
          try {
            const event = JSON.parse(value) as {
              id: string;
              type: string;
              occurredAt: string;
              causationId?: string | null;
              data: Record<string, unknown>;
            };
            this.entries.push({
              topic: batch.topic,
              id: event.id,
              type: event.type,
              at: Number(message.timestamp),
              occurredAt: Date.parse(event.occurredAt),
              causationId: event.causationId ?? null,
              data: event.data,
            });
          } catch {
            // Poison a test put on the stream itself: the services' dead-letter topics show it.
          }
        }
        return Promise.resolve();
      },
    });
  }

  /** Waits until the ledger has read every stream to its current end. */
  async catchUp(timeoutMs = 120_000): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const committed = await admin.fetchOffsets({ groupId: this.groupId });
        let behind = 0;
        for (const { topic, partitions } of committed) {
          const ends = await admin.fetchTopicOffsets(topic);
          for (const end of ends) {
            const at = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? '-1');
            behind += Math.max(0, Number(end.offset) - Math.max(0, at));
          }
        }
        if (behind === 0 && committed.length > 0) return;
        if (Date.now() > deadline) throw new Error(`ledger still ${behind} messages behind`);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    } finally {
      await admin.disconnect();
    }
  }

  of(type: string): LedgerEntry[] {
    return this.entries.filter((e) => e.type === type);
  }

  /** Distinct events (by id) of a type, grouped by a natural key of their data. */
  distinctBy(type: string, key: (data: Record<string, unknown>) => string): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const entry of this.of(type)) {
      const k = key(entry.data);
      out.set(k, (out.get(k) ?? new Set()).add(entry.id));
    }
    return out;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
