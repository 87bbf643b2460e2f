import {
  ConfigResourceTypes,
  ConfigSource,
  Kafka,
  logLevel as KafkaLogLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type IHeaders,
  type KafkaConfig,
  type KafkaMessage as KafkaMessageRecord,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import { createLogger, type Logger } from '@truyvet/log';
import { deliverByKey, type DeliveryContext } from './delivery';
import { KafkaLogLevels } from './kafka-log';
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

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  logger?: Logger;
  /** How long a fetch waits for data: low keeps result -> isolation latency low. */
  maxWaitTimeInMs?: number;
  /** Commit resolved offsets at least every N messages within a batch (and at its end). */
  commitEveryMessages?: number;
  /** Consumer session timeout (default 30 s): how soon a dead member's partitions move on. */
  sessionTimeoutMs?: number;
  /** Extra kafkajs settings (ssl, sasl) for a real cluster. */
  kafka?: Partial<KafkaConfig>;
  /**
   * Create missing topics (default true). A production cluster's topics are made by the deploy's
   * topics job, with their replication; there a service only waits for them to exist.
   */
  createTopics?: boolean;
  /** How long `ensureTopics` waits for topics to be there with leaders (default a minute). */
  topicsWaitMs?: number;
}

/**
 * Every stream and every dead-letter topic keeps its events for good: reports and case records are
 * rebuilt from the whole history (docs/runbooks/rebuild-reports.md), and a letter waits until it is
 * replayed after a fix. Kafka's default would delete them after 7 days.
 */
export const TOPIC_CONFIG: Readonly<Record<string, string>> = { 'retention.ms': '-1' };

/**
 * The bus on Apache Kafka through kafkajs. Producer: idempotent, acks from all in-sync replicas.
 * Consumers: a message's offset is resolved only after its handler (or its dead-letter record)
 * is done, and committed after that, so a crash at any point means redelivery, never loss.
 */
const PUBLISH_REQUEST_BYTES = 512 * 1024;

/** Pauses before a consumer the client gave up on is replaced: 1 s, doubling, at most 30 s. */
const REPLACE_FIRST_PAUSE_MS = 1_000;
const REPLACE_MAX_PAUSE_MS = 30_000;

interface RunningConsumer {
  consumer: Consumer;
  /** False once it crashed or was aborted: what it has in hand is not committed. */
  state: { live: boolean };
}

/** A subscription's consumers: the one in charge and any being started to replace it. */
interface GroupConsumers {
  wanted: boolean;
  current: RunningConsumer | undefined;
  starting: Set<RunningConsumer>;
}

export class KafkaBus implements Bus {
  private readonly kafka: Kafka;
  private readonly logger: Logger;
  private producer: Producer | undefined;
  private producerReady: Promise<Producer> | undefined;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;
  private readonly commitEvery: number;
  private readonly maxWaitTimeInMs: number;

  constructor(private readonly options: KafkaBusOptions) {
    this.logger = options.logger ?? createLogger({ name: 'kafka-bus' });
    this.commitEvery = options.commitEveryMessages ?? 500;
    this.maxWaitTimeInMs = options.maxWaitTimeInMs ?? 100;
    const levels = new KafkaLogLevels();
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: KafkaLogLevel.WARN,
      logCreator: () => (entry: LogEntry) => {
        const { message, ...extra } = entry.log;
        const level = levels.levelOf(entry);
        this.logger[level](
          level === 'warn' && entry.level <= KafkaLogLevel.ERROR
            ? {
                kafkajs: entry.namespace,
                ...extra,
                retried: 'kafkajs retries this; said at most once a minute',
              }
            : { kafkajs: entry.namespace, ...extra },
          message,
        );
      },
      retry: { initialRetryTime: 200, retries: 8 },
      ...options.kafka,
    });
  }

  /** The underlying client, for admin tools and the benchmark's raw baseline. */
  get client(): Kafka {
    return this.kafka;
  }

  /**
   * Creates missing topics, keeping their events for good (TOPIC_CONFIG, also set on topics made
   * before with another retention), and waits until every partition has a leader. A new KRaft
   * broker can answer "unknown topic" for a moment after creating one (kafkajs' own wait then
   * fails), so the wait is ours: metadata polled until complete, for up to a minute. Where the bus
   * does not create topics, it waits that long for the deploy's topics job to have made them.
   */
  async ensureTopics(topics: readonly TopicToEnsure[]): Promise<void> {
    if (topics.length === 0) return;
    const create = this.options.createTopics ?? true;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const waitMs = this.options.topicsWaitMs ?? 60_000;
      const deadline = Date.now() + waitMs;
      if (create) {
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((t) => !existing.has(t.topic));
        if (missing.length > 0) {
          // Another instance may create the same topics at the same moment: that is fine.
          await admin.createTopics({
            waitForLeaders: false,
            topics: missing.map((t) => ({
              topic: t.topic,
              numPartitions: t.partitions,
              configEntries: Object.entries(TOPIC_CONFIG).map(([name, value]) => ({ name, value })),
            })),
          });
        }
        await this.keepForGood(
          admin,
          topics.filter((t) => existing.has(t.topic)).map((t) => t.topic),
        );
      }
      for (;;) {
        let absent: string[] = [];
        try {
          const names = new Set(await admin.listTopics());
          absent = topics.filter((t) => !names.has(t.topic)).map((t) => t.topic);
          if (absent.length === 0) {
            const { topics: found } = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.topic) });
            const ready = found.every(
              (t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0),
            );
            if (ready && found.length === topics.length) return;
          }
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
        if (Date.now() > deadline) {
          throw new Error(
            absent.length > 0 && !create
              ? `topics missing after ${waitMs / 1000} s: ${absent.join(', ')} (not created here: ` +
                  `run the deploy's topics job, or set KAFKA_CREATE_TOPICS=true on a local broker)`
              : `topics not ready after ${waitMs / 1000} s: ${topics.map((t) => t.topic).join(', ')}`,
          );
        }
        await sleep(200);
      }
    } finally {
      await admin.disconnect();
    }
  }

  /** Topics made before with a retention of their own are set to TOPIC_CONFIG's (others kept). */
  private async keepForGood(admin: Admin, names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: names.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
    });
    const alter = resources.flatMap((resource) => {
      const own = resource.configEntries.filter((e) => e.configSource === ConfigSource.TOPIC_CONFIG);
      // A secret setting cannot be read back to be carried over: such a topic is left to its owner.
      if (own.some((e) => e.isSensitive)) {
        this.logger.warn(
          { topic: resource.resourceName },
          'topic has a secret setting: its retention is left as it is',
        );
        return [];
      }
      const current = new Map(own.map((e) => [e.configName, e.configValue]));
      if (Object.entries(TOPIC_CONFIG).every(([name, value]) => current.get(name) === value)) return [];
      // alterConfigs replaces a topic's own settings as a whole: carry the others over.
      for (const [name, value] of Object.entries(TOPIC_CONFIG)) current.set(name, value);
      return [
        {
          type: ConfigResourceTypes.TOPIC,
          name: resource.resourceName,
          configEntries: [...current].map(([name, value]) => ({ name, value })),
        },
      ];
    });
    if (alter.length === 0) return;
    await admin.alterConfigs({ validateOnly: false, resources: alter });
    this.logger.info({ topics: alter.map((r) => r.name) }, 'topics set to keep their events for good');
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.getProducer();
    // In requests of at most ~512 KB, one after the other (so order is kept): the broker refuses a
    // partition's batch over message.max.bytes (1 MB by default), and a relay round can hold 1,000
    // events.
    let start = 0;
    while (start < messages.length) {
      let end = start;
      let bytes = 0;
      while (end < messages.length && (end === start || bytes < PUBLISH_REQUEST_BYTES)) {
        const m = messages[end] as OutgoingMessage;
        bytes += m.value.length + m.key.length + 64;
        end++;
      }
      const byTopic = new Map<string, OutgoingMessage[]>();
      for (const message of messages.slice(start, end)) {
        const list = byTopic.get(message.topic) ?? [];
        list.push(message);
        byTopic.set(message.topic, list);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers ?? {} })),
        })),
      });
      start = end;
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const dlq = deadLetterTopic(options.groupId);
    await this.ensureTopics([{ topic: dlq, partitions: 1 }]);
    await this.getProducer(); // dead-lettering must not be the first thing to connect
    const logger = this.logger.child({ groupId: options.groupId });
    const group: GroupConsumers = { wanted: true, current: undefined, starting: new Set() };
    // Read through a call: stop() may change it while the loop below awaits.
    const stillWanted = (): boolean => group.wanted;
    let replacing: Promise<void> | undefined;

    /**
     * A consumer the client gave up on (a non-retriable error, e.g. no group coordinator found
     * while the broker was away longer than its retries) is replaced by a new one, after a pause
     * that grows, for as long as the subscription is wanted: a service never stays up consuming
     * nothing. What was in hand is delivered again to the group (at least once).
     */
    const replace = async (dead: RunningConsumer): Promise<void> => {
      await dead.consumer.disconnect().catch(() => undefined);
      for (let attempt = 1; stillWanted(); attempt++) {
        await sleep(Math.min(REPLACE_MAX_PAUSE_MS, REPLACE_FIRST_PAUSE_MS * 2 ** (attempt - 1)));
        if (!stillWanted()) return;
        let next: RunningConsumer;
        try {
          next = await this.startConsumer(options, logger, group, onGivenUp);
        } catch (error) {
          logger.error({ err: error, attempt }, 'consumer could not start again; trying later');
          continue;
        }
        if (!stillWanted()) {
          await next.consumer.disconnect().catch(() => undefined); // stopped while it was starting
          return;
        }
        group.current = next;
        if (!next.state.live) {
          // Gave up on again between joining and taking over: one more round.
          await next.consumer.disconnect().catch(() => undefined);
          continue;
        }
        logger.warn({ attempt }, 'consumer replaced after the client gave up on the last one');
        return;
      }
    };
    /** Only the consumer in charge counts (one being started is judged when it has started). */
    function onGivenUp(running: RunningConsumer, error: unknown): void {
      if (running !== group.current) return;
      if (options.onFatal) {
        options.onFatal(error);
        return;
      }
      logger.error({ err: error }, 'consumer stopped by an error the client does not restart after');
      replacing ??= replace(running).finally(() => {
        replacing = undefined;
      });
    }

    const first = await this.startConsumer(options, logger, group, onGivenUp);
    group.current = first;
    let stopped: Promise<void> | undefined;
    const subscription: Subscription = {
      stop: () => {
        group.wanted = false;
        // The one in charge and any being started (their loop disconnects them again, harmlessly).
        const all = [group.current, ...group.starting].flatMap((c) => (c ? [c.consumer.disconnect()] : []));
        stopped ??= Promise.allSettled(all).then(() => {
          this.subscriptions.delete(subscription);
        });
        return stopped;
      },
      abort: () => {
        for (const c of [group.current, ...group.starting]) if (c) c.state.live = false;
        return subscription.stop();
      },
    };
    this.subscriptions.add(subscription);
    if (!first.state.live) onGivenUp(first, new Error('the consumer stopped before it was in charge'));
    return subscription;
  }

  /**
   * A consumer of the group, connected, subscribed, running, and in the group (or 30 s passed);
   * not live when the client gave up on it before it joined. Fails when it could not start.
   */
  private async startConsumer(
    options: SubscribeOptions,
    logger: Logger,
    group: GroupConsumers,
    onGivenUp: (running: RunningConsumer, error: unknown) => void,
  ): Promise<RunningConsumer> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      // Above the slowest handler we expect (a store failover): a member is not evicted mid-message.
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: this.maxWaitTimeInMs,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 300, retries: 10, restartOnFailure: () => Promise.resolve(true) },
    });
    const running: RunningConsumer = { consumer, state: { live: true } };
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => {
        resolve();
        options.onJoined?.();
      });
      consumer.on(consumer.events.CRASH, (event) => {
        const { error, restart } = event.payload;
        if (restart || !running.state.live) {
          logger.error({ err: error, restart }, 'consumer crashed; the client restarts it');
          return;
        }
        running.state.live = false;
        resolve(); // no join is coming
        onGivenUp(running, error);
      });
      setTimeout(resolve, 30_000).unref();
    });

    group.starting.add(running);
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: options.topics, fromBeginning: true });
      await this.run(consumer, options, running.state, logger);
      await joined;
    } catch (error) {
      running.state.live = false;
      await consumer.disconnect().catch(() => undefined);
      throw error;
    } finally {
      group.starting.delete(running);
    }
    return running;
  }

  private async run(
    consumer: Consumer,
    options: SubscribeOptions,
    state: { live: boolean },
    logger: Logger,
  ): Promise<void> {
    const policy = { ...defaultRetryPolicy, ...options.retry };
    await consumer.run({
      autoCommit: true,
      autoCommitThreshold: 1,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
      eachBatch: async ({
        batch,
        resolveOffset,
        heartbeat,
        commitOffsetsIfNecessary,
        isRunning,
        isStale,
      }) => {
        const ctx: DeliveryContext = {
          groupId: options.groupId,
          policy,
          dedup: options.dedup,
          logger,
          publish: (messages) => this.publish(messages),
          pause: async (ms) => {
            const until = Date.now() + ms;
            while (Date.now() < until) {
              if (!state.live || !isRunning() || isStale()) return false;
              await heartbeat();
              await sleep(Math.min(500, until - Date.now()));
            }
            return state.live && isRunning() && !isStale();
          },
          isLive: () => state.live,
        };
        let sinceCommit = 0;
        let lastHeartbeat = Date.now();
        // kafkajs heartbeats only when asked: keep the membership alive while a slow handler runs.
        const keepAlive = setInterval(() => {
          heartbeat().catch((error: unknown) => {
            logger.debug({ err: error }, 'heartbeat failed');
          });
          lastHeartbeat = Date.now();
        }, 3_000);
        try {
          await deliverByKey(
            batch.messages.map((message) => new KafkaMessage(batch.topic, batch.partition, message)),
            options.handler,
            ctx,
            options.keysConsumedConcurrently ?? 1,
            () => state.live && isRunning() && !isStale(),
            async (message) => {
              resolveOffset(message.offset);
              if (++sinceCommit >= this.commitEvery) {
                await commitOffsetsIfNecessary();
                sinceCommit = 0;
              }
              // Heartbeats are due every second, not every message: check the clock, not the broker.
              if (Date.now() - lastHeartbeat >= 500) {
                await heartbeat();
                lastHeartbeat = Date.now();
              }
            },
          );
        } finally {
          clearInterval(keepAlive);
        }
      },
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.subscriptions].map((s) => s.stop()));
    const ready = this.producerReady;
    this.producer = undefined;
    this.producerReady = undefined;
    const producer = ready ? await ready.catch(() => undefined) : undefined;
    if (producer) await producer.disconnect();
  }

  private getProducer(): Promise<Producer> {
    if (this.closed) return Promise.reject(new Error('the bus is closed'));
    this.producerReady ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // Bounded (about 20 s in all), so that a publish to a broker that is away fails well within
        // the outbox relay's lease and the events are released for the next round rather than
        // published late, after newer ones. kafkajs warns that an idempotent producer with limited
        // retries may lose exactly-once: we rely on at-least-once and dedup by event id anyway.
        retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 4_000 },
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
      return producer;
    })().catch((error: unknown) => {
      this.producerReady = undefined;
      throw error;
    });
    return this.producerReady;
  }
}

/**
 * A received Kafka message. The headers are decoded on first use: most handlers never read them,
 * and this is the consumer's hot path.
 */
class KafkaMessage implements ReceivedMessage {
  readonly offset: string;
  readonly key: string | null;
  readonly value: string;
  attempt = 1;
  private decoded: Record<string, string> | undefined;
  private readonly raw: IHeaders | undefined;

  constructor(
    readonly topic: string,
    readonly partition: number,
    message: KafkaMessageRecord,
  ) {
    this.offset = message.offset;
    this.key = message.key?.toString() ?? null;
    this.value = message.value?.toString() ?? '';
    this.raw = message.headers;
  }

  get headers(): Record<string, string> {
    this.decoded ??= stringHeaders(this.raw);
    return this.decoded;
  }
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
