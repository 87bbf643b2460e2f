/**
 * What every service's start does the same way: its logger; the real adapters (Kafka, MongoDB) or
 * the embedded ones from the mode; the topics; the outbox relay and its takeover when partitions
 * move; consumers with the configured concurrency; timers; the gRPC server with the signing key;
 * and a stop in the one safe order. A service's start.ts keeps only what is its own: its stores,
 * its use cases, its handlers.
 */
import { InMemoryBus, KafkaBus, type Bus, type MessageHandler, type Subscription } from '@truyvet/bus';
import { allTopics } from '@truyvet/events';
import type { AdminUnits } from '@truyvet/geo';
import {
  createGrpcServer,
  InMemoryPersonReadTrail,
  serverCredentialsFromFiles,
  verifyingKeyFor,
  type AccessTable,
  type GrpcServer,
  type Jurisdiction,
  type PersonReadTrail,
} from '@truyvet/grpc';
import { createLogger, type Logger } from '@truyvet/log';
import {
  applyIndexes,
  connectMongo,
  deferredRelay,
  InMemoryAggregateStore,
  InMemoryDocuments,
  MongoAggregateStore,
  MongoDocuments,
  type AggregateStore,
  type Documents,
  type IndexDeclaration,
  type OutboxRelay,
  type OutboxSource,
} from '@truyvet/store';
import type { Db } from 'mongodb';
import { readFileSync } from 'node:fs';
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { missingProtections, SERVICE_LINKS, type LinkProtection } from '@truyvet/config';
import {
  MongoPersonReadTrail,
  PERSON_READS_ACCESS,
  personReadsHandlers,
  personReadsProto,
} from './person-reads';

/** The settings of `@truyvet/config`'s `serviceConfig` that the host reads. */
export interface HostConfig {
  TRUYVET_MODE: 'embedded' | 'real';
  KAFKA_BROKERS?: string[] | undefined;
  MONGODB_URI?: string | undefined;
  MONGODB_DB: string;
  AUDIT_DB?: string | undefined;
  KAFKA_SESSION_TIMEOUT_MS: number;
  CONSUMER_PARTITIONS_AT_ONCE: number;
  CONSUMER_KEYS_AT_ONCE: number;
  AUTH_PUBLIC_KEY?: string | undefined;
  AUTH_ALLOW_DEVELOPMENT_KEY?: boolean | undefined;
  GRPC_TLS_CERT_FILE?: string | undefined;
  GRPC_TLS_KEY_FILE?: string | undefined;
  GRPC_TLS_CLIENT_CA_FILE?: string | undefined;
  GRPC_HEALTH_PORT?: number | undefined;
  GRPC_MAX_STREAM_ITEMS?: number | undefined;
  GRPC_MAX_ANSWER_BYTES?: number | undefined;
  KAFKA_TLS?: boolean | undefined;
  KAFKA_CREATE_TOPICS?: boolean | undefined;
  KAFKA_TLS_CA_FILE?: string | undefined;
  KAFKA_SASL_MECHANISM?: 'scram-sha-256' | 'scram-sha-512' | 'plain' | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
  LINKS_UNPROTECTED?: readonly LinkProtection[] | undefined;
  GRPC_HOST: string;
  GRPC_PORT: number;
  LOG_LEVEL: string;
}

export interface HostOptions {
  /** The service's name: its logger's, its Kafka client id, its MongoDB application name. */
  name: string;
  /** A bus shared with other services (the embedded quick start); the host does not close it. */
  bus?: Bus | undefined;
  logger?: Logger | undefined;
  /** The deployment's city: a token whose area is not one of its units is refused. */
  units?: AdminUnits | undefined;
  /** Who may call each method the service serves (every one must be in it). */
  access?: AccessTable | undefined;
}

export interface StoreOptions {
  /** Its saves carry events, which the outbox relay publishes. */
  outbox?: boolean;
  /**
   * A key index written before what it files (see `KeyIndex`): a reader may take a headless key
   * for none, so a miss does not look for a first version without a head; and a new key is its
   * head alone, without a commit (`firstVersionInHead`).
   */
  superset?: boolean;
  /**
   * Its heads are read for decisions by `_id` only (queries on other fields are operators' views,
   * which may miss an aggregate for the moment its head is replaced), and it has few versions:
   * heads are replaced, a delete and an insert for a batch, not updated statement by statement.
   * `'with-events'`: only those of saves with events, whose pending marker lets the relay bring a
   * head lost in between back (so queries on other fields miss it at most until then).
   */
  replaceHeads?: boolean | 'with-events';
}

/** The stores on the real servers: MongoDB through the driver. */
export interface MongoStores {
  kind: 'mongo';
  db: Db;
  /** Where the read audit goes: `db`, or its own database (AUDIT_DB). */
  auditDb: Db;
  aggregates<S>(name: string, options?: StoreOptions): MongoAggregateStore<S>;
  documents<T extends { _id: string }>(name: string): MongoDocuments<T>;
}

/** The stores of the embedded quick start and the unit tests: in memory. */
export interface MemoryStores {
  kind: 'memory';
  aggregates<S>(name: string, options?: StoreOptions): InMemoryAggregateStore<S>;
  documents<T extends { _id: string }>(name: string): InMemoryDocuments<T>;
}

export interface Consumer {
  groupId: string;
  topics: string[];
  handler: MessageHandler;
}

export interface ServiceHost {
  readonly logger: Logger;
  readonly bus: Bus;
  /** The mode's stores, for what a service keeps apart by mode (queries on heads, say). */
  readonly stores: MongoStores | MemoryStores;
  /** Who was shown whose data: every answer naming people is recorded here before it leaves. */
  readonly personReads: PersonReadTrail;
  /** An aggregate store of the mode (its indexes are applied by `applyIndexes`). */
  aggregates<S>(name: string, options?: StoreOptions): AggregateStore<S> & OutboxSource;
  /** A plain document collection of the mode. */
  documents<T extends { _id: string }>(name: string): Documents<T>;
  /** The indexes of every aggregate store made so far, and these (nothing in memory). */
  applyIndexes(extra?: IndexDeclaration[]): Promise<void>;
  /**
   * Publishes what the outbox stores save, from the commit in this process; and, when a consumer
   * joins its group again (partitions moved: an instance may have died with saves it had not
   * published), the backlog too.
   */
  relayOutbox(sources: OutboxSource[]): void;
  /** A consumer, with the configured partitions and keys worked on at once (ADR 13). */
  consume(consumer: Consumer): Promise<Subscription>;
  /** Runs `run` every `ms` (never when `ms` is 0); a failure is logged, and it runs again. */
  every(ms: number, what: string, run: () => Promise<unknown>): void;
  /** Registers the services and serves them; resolves to the bound port. */
  serve(register: (server: GrpcServer) => void): Promise<number>;
  /**
   * Stops once, in order: timers; the gRPC server (no new requests, in-flight ones finish); the
   * consumers (the event in hand is applied and committed); the relay (the last events go out);
   * the bus and the store connection.
   */
  stop(): Promise<void>;
}

/** Kafka's TLS and SASL from the config (both absent: plaintext, which real mode must waive). */
export function kafkaLinkOptions(
  config: Pick<
    HostConfig,
    'KAFKA_TLS' | 'KAFKA_TLS_CA_FILE' | 'KAFKA_SASL_MECHANISM' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD'
  >,
): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const ssl = config.KAFKA_TLS
    ? config.KAFKA_TLS_CA_FILE
      ? { ca: [readFileSync(config.KAFKA_TLS_CA_FILE, 'utf8')] }
      : true
    : undefined;
  const {
    KAFKA_SASL_MECHANISM: mechanism,
    KAFKA_SASL_USERNAME: username,
    KAFKA_SASL_PASSWORD: password,
  } = config;
  const sasl: SASLOptions | undefined =
    mechanism && username && password ? { mechanism, username, password } : undefined;
  return { ...(ssl ? { ssl } : {}), ...(sasl ? { sasl } : {}) };
}

export async function startService(config: HostConfig, options: HostOptions): Promise<ServiceHost> {
  const { name } = options;
  const logger = options.logger ?? createLogger({ name, level: config.LOG_LEVEL });
  // Before anything starts: a service that would accept tokens anybody can make does not start.
  const verifyingKey = verifyingKeyFor(
    {
      key: config.AUTH_PUBLIC_KEY,
      real: config.TRUYVET_MODE === 'real',
      allowDevelopmentKey: config.AUTH_ALLOW_DEVELOPMENT_KEY ?? false,
    },
    (m) => {
      logger.warn(m);
    },
  );
  const relayer = deferredRelay();
  const real = config.TRUYVET_MODE === 'real' && config.KAFKA_BROKERS && config.MONGODB_URI;
  if (real) {
    const waived = missingProtections(config, SERVICE_LINKS).filter((m) =>
      config.LINKS_UNPROTECTED?.includes(m.protection),
    );
    if (waived.length > 0)
      logger.warn(
        { unprotected: waived.map((m) => m.protection) },
        `links left unprotected (LINKS_UNPROTECTED): ${waived.map((m) => m.hint).join('; ')}`,
      );
  }
  const bus =
    options.bus ??
    (real && config.KAFKA_BROKERS
      ? new KafkaBus({
          brokers: config.KAFKA_BROKERS,
          clientId: name,
          logger,
          sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
          kafka: kafkaLinkOptions(config),
          createTopics: config.KAFKA_CREATE_TOPICS ?? config.KAFKA_BROKERS.every(onThisMachine),
        })
      : new InMemoryBus({ logger }));
  const closeBus = async (): Promise<void> => {
    if (!options.bus) await bus.close();
  };

  const aggregateNames: string[] = [];
  let stores: MongoStores | MemoryStores;
  let closeStores = (): Promise<void> => Promise.resolve();
  if (real && config.MONGODB_URI) {
    const mongo = await connectMongo(config.MONGODB_URI, config.MONGODB_DB, { appName: name, logger });
    closeStores = () => mongo.close();
    stores = {
      kind: 'mongo',
      db: mongo.db,
      auditDb: config.AUDIT_DB ? mongo.client.db(config.AUDIT_DB) : mongo.db,
      aggregates: <S>(store: string, opts: StoreOptions = {}) => {
        aggregateNames.push(store);
        return new MongoAggregateStore<S>(mongo.db, store, opts.outbox ? relayer.wake : undefined, logger, {
          ...(opts.superset ? { probeHeadless: false, firstVersionInHead: true } : {}),
          ...(opts.replaceHeads ? { replaceHeads: opts.replaceHeads } : {}),
        });
      },
      documents: <T extends { _id: string }>(collection: string) =>
        new MongoDocuments<T>(mongo.db, collection),
    };
  } else {
    stores = {
      kind: 'memory',
      aggregates: <S>(store: string, opts: StoreOptions = {}) =>
        new InMemoryAggregateStore<S>(store, opts.outbox ? relayer.wake : undefined),
      documents: <T extends { _id: string }>() => new InMemoryDocuments<T>(),
    };
  }
  await bus.ensureTopics(allTopics);
  const personReads: PersonReadTrail =
    stores.kind === 'mongo' ? new MongoPersonReadTrail(stores.auditDb) : new InMemoryPersonReadTrail();

  let relay: OutboxRelay | undefined;
  const subscriptions: Subscription[] = [];
  const timers: NodeJS.Timeout[] = [];
  let server: GrpcServer | undefined;
  let stopping: Promise<void> | undefined;

  return {
    logger,
    bus,
    stores,
    personReads,
    aggregates: <S>(store: string, opts?: StoreOptions) =>
      stores.kind === 'mongo' ? stores.aggregates<S>(store, opts) : stores.aggregates<S>(store, opts),
    documents: <T extends { _id: string }>(collection: string) =>
      stores.kind === 'mongo' ? stores.documents<T>(collection) : stores.documents<T>(collection),
    applyIndexes: async (extra = []) => {
      if (stores.kind !== 'mongo') return;
      await applyIndexes(stores.db, [
        ...aggregateNames.flatMap((store) => MongoAggregateStore.indexes(store)),
        ...(stores.auditDb === stores.db ? [MongoPersonReadTrail.indexes] : []),
        ...extra,
      ]);
      if (stores.auditDb !== stores.db) await applyIndexes(stores.auditDb, [MongoPersonReadTrail.indexes]);
    },
    relayOutbox: (sources) => {
      if (relay) throw new Error('the outbox relay is started once, with every source');
      relay = relayer.start({ bus, sources, logger });
    },
    consume: async ({ groupId, topics, handler }) => {
      const subscription = await bus.subscribe({
        groupId,
        topics,
        onJoined: () => {
          relay?.takeOver();
        },
        partitionsConsumedConcurrently: config.CONSUMER_PARTITIONS_AT_ONCE,
        keysConsumedConcurrently: config.CONSUMER_KEYS_AT_ONCE,
        handler,
      });
      subscriptions.push(subscription);
      return subscription;
    },
    every: (ms, what, run) => {
      if (ms <= 0) return;
      const timer = setInterval(() => {
        run().catch((error: unknown) => {
          logger.error({ err: error }, `${what} failed; it runs again in ${ms} ms`);
        });
      }, ms);
      timer.unref();
      timers.push(timer);
    },
    serve: async (register) => {
      if (server) throw new Error('a service serves once');
      server = createGrpcServer({
        logger,
        // The read audit is for admins whatever the service says about its own methods.
        access: { ...(options.access ?? {}), ...PERSON_READS_ACCESS },
        audit: personReads,
        ...(config.GRPC_HEALTH_PORT === undefined ? {} : { healthPort: config.GRPC_HEALTH_PORT }),
        ...(config.GRPC_MAX_STREAM_ITEMS === undefined
          ? {}
          : { maxStreamItems: config.GRPC_MAX_STREAM_ITEMS }),
        ...(config.GRPC_MAX_ANSWER_BYTES === undefined
          ? {}
          : { maxAnswerBytes: config.GRPC_MAX_ANSWER_BYTES }),
        ...(config.GRPC_TLS_CERT_FILE && config.GRPC_TLS_KEY_FILE
          ? {
              credentials: serverCredentialsFromFiles({
                certFile: config.GRPC_TLS_CERT_FILE,
                keyFile: config.GRPC_TLS_KEY_FILE,
                clientCaFile: config.GRPC_TLS_CLIENT_CA_FILE,
              }),
            }
          : {}),
        auth: {
          key: verifyingKey,
          ...(options.units
            ? { servesArea: (area: Jurisdiction) => options.units?.hasArea(area) ?? false }
            : {}),
        },
      });
      register(server);
      server.addService(personReadsProto.PersonReads.service, personReadsHandlers(personReads));
      const grpcPort = await server.start(config.GRPC_HOST, config.GRPC_PORT);
      logger.info({ grpcPort, mode: config.TRUYVET_MODE }, `${name} serving`);
      return grpcPort;
    },
    stop: () => {
      stopping ??= (async () => {
        for (const timer of timers) clearInterval(timer);
        await server?.stop(5_000);
        for (const subscription of subscriptions) await subscription.stop();
        await relay?.stop();
        await closeBus();
        await closeStores();
      })();
      return stopping;
    },
  };
}

/** A broker address on a loopback interface: a local broker, whose topics a service may make. */
export function onThisMachine(broker: string): boolean {
  const host = broker.startsWith('[') ? broker.slice(1, broker.indexOf(']')) : broker.replace(/:\d+$/, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
