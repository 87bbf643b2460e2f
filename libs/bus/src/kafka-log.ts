import { logLevel as KafkaLogLevel, type LogEntry } from 'kafkajs';
import { errorCodes } from 'kafkajs/src/protocol/error';

export type BusLogLevel = 'error' | 'warn' | 'debug';

/**
 * Kafka's answers while a partition's leader or a group's coordinator is being settled (a broker
 * just started, a topic just created, a leader or coordinator moving, a rebalance): kafkajs
 * retries them and gets past. Other retriable answers (storage errors, too few replicas, corrupt
 * messages) stay errors: someone must look, even if kafkajs gets past them.
 */
const SETTLING = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
  'GROUP_LOAD_IN_PROGRESS',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR_FOR_GROUP',
  'REBALANCE_IN_PROGRESS',
]);
const RETRIED = new Set(errorCodes.filter((e) => e.retriable && SETTLING.has(e.type)).map((e) => e.message));

/** A settling condition is a warning at most this often per process; debug in between. */
const WARN_EVERY_MS = 60_000;

/** kafkajs's warning for a bounded-retry idempotent producer: we rely on at-least-once and dedup. */
const BOUNDED_RETRIES_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

/**
 * How loud a kafkajs line is in our log. kafkajs logs every failed response at error, also those
 * it retries and gets past ("This server does not host this topic-partition", "The coordinator is
 * loading ...", "The group coordinator is not available" on freshly started servers), which a
 * newcomer reads as failures. Error means someone must act: a settling condition is a warning at
 * most once a minute (a burst says it once; one that lasts keeps showing) and debug in between;
 * what kafkajs gives up on still reaches the service as an error (a failed publish, a crashed
 * consumer).
 */
export class KafkaLogLevels {
  /** When each settling condition was last said as a warning (ms). */
  private readonly warned = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  levelOf(entry: Pick<LogEntry, 'level' | 'namespace' | 'log'>): BusLogLevel {
    const { message, error } = entry.log as { message: string; error?: unknown };
    if (entry.level <= KafkaLogLevel.ERROR) {
      if (typeof error !== 'string' || !RETRIED.has(error)) return 'error';
      const last = this.warned.get(error);
      if (last !== undefined && this.now() - last < WARN_EVERY_MS) return 'debug';
      this.warned.set(error, this.now());
      return 'warn';
    }
    if (entry.level === KafkaLogLevel.WARN) return message === BOUNDED_RETRIES_WARNING ? 'debug' : 'warn';
    return 'debug';
  }
}
