import { logLevel as KafkaLogLevel, type LogEntry } from 'kafkajs';
import { errorCodes } from 'kafkajs/src/protocol/error';

export type BusLogLevel = 'error' | 'warn' | 'debug';

/** Kafka's answers that kafkajs retries on its own (a broker just started, a coordinator moving). */
const RETRIED = new Set(errorCodes.filter((e) => e.retriable).map((e) => e.message));

/** kafkajs's warning for a bounded-retry idempotent producer: we rely on at-least-once and dedup. */
const BOUNDED_RETRIES_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

/**
 * How loud a kafkajs line is in our log. kafkajs logs every failed response at error, also those
 * it retries and gets past ("This server does not host this topic-partition", "The coordinator is
 * loading ...", "The group coordinator is not available" on freshly started servers), which a
 * newcomer reads as failures. Error means someone must act: a condition kafkajs retries is a
 * warning the first time this process meets it and debug after; what kafkajs gives up on still
 * reaches the service as an error (a publish that failed, a consumer that crashed).
 */
export class KafkaLogLevels {
  private readonly met = new Set<string>();

  levelOf(entry: Pick<LogEntry, 'level' | 'namespace' | 'log'>): BusLogLevel {
    const { message, error } = entry.log as { message: string; error?: unknown };
    if (entry.level <= KafkaLogLevel.ERROR) {
      if (typeof error !== 'string' || !RETRIED.has(error)) return 'error';
      if (this.met.has(error)) return 'debug';
      this.met.add(error);
      return 'warn';
    }
    if (entry.level === KafkaLogLevel.WARN) return message === BOUNDED_RETRIES_WARNING ? 'debug' : 'warn';
    return 'debug';
  }
}
