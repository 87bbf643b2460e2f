import { eventHandler, InMemoryBus, KafkaBus, type Bus, type Subscription } from '@truyvet/bus';
import {
  allTopics,
  EventRegistry,
  PersonTestResultedV1,
  SampleCollectedV1,
  ShipmentDispatchedV1,
  ShipmentReceivedV1,
  topics,
} from '@truyvet/events';
import { createGrpcServer, loadGrpcObject, signingKeyOrDevelopment } from '@truyvet/grpc';
import type { LabProto } from '@truyvet/grpc/lab';
import { createLogger, type Logger } from '@truyvet/log';
import { defaultRuleBook, type RuleBook } from '@truyvet/rules';
import {
  applyIndexes,
  connectMongo,
  InMemoryAggregateStore,
  MongoAggregateStore,
  deferredRelay,
  keyIndexed,
  type AggregateStore,
  type KeyIndexState,
  type OutboxSource,
  type SavedWithEvents,
} from '@truyvet/store';
import { Accessioning, type ShipmentAccessionState } from './app/accessioning';
import { ResultDesk, type LabSampleQueries, type ReceiptState } from './app/result-desk';
import { membersAwaited, POOLS_AWAITING } from './app/pools-awaiting';
import { labHandlers } from './adapters/grpc-lab';
import {
  InMemoryLabSampleQueries,
  LAB_SAMPLES,
  labSampleIndexes,
  MongoLabSampleQueries,
} from './adapters/lab-sample-queries';
import type { Config } from './config';
import type { LabSampleState } from './domain/lab-sample';

export const SERVICES = ['truyvet.lab.v1.Accessioning', 'truyvet.lab.v1.Results'] as const;
export const CONSUMER_GROUP = 'lab-results';
const ACCESSIONS = 'accessions';
const RECEIPTS = 'receipts';

export interface Running {
  grpcPort: number;
  stop(): Promise<void>;
}

type Store<S> = AggregateStore<S> & OutboxSource;

interface Adapters {
  bus: Bus;
  samples: Store<LabSampleState>;
  accessions: Store<ShipmentAccessionState>;
  receipts: AggregateStore<ReceiptState>;
  poolsAwaiting: AggregateStore<KeyIndexState>;
  queries: LabSampleQueries;
  close: () => Promise<void>;
}

async function realAdapters(
  config: Config,
  brokers: string[],
  uri: string,
  wake: SavedWithEvents,
  logger: Logger,
  shared?: Bus,
): Promise<Adapters> {
  const bus =
    shared ??
    new KafkaBus({
      brokers,
      clientId: 'lab-results',
      logger,
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    });
  const mongo = await connectMongo(uri, config.MONGODB_DB, { appName: 'lab-results', logger });
  await applyIndexes(mongo.db, [
    ...[LAB_SAMPLES, ACCESSIONS, RECEIPTS, POOLS_AWAITING].flatMap((name) =>
      MongoAggregateStore.indexes(name),
    ),
    labSampleIndexes,
  ]);
  const samples = new MongoAggregateStore<LabSampleState>(mongo.db, LAB_SAMPLES, wake, logger);
  return {
    bus,
    samples,
    accessions: new MongoAggregateStore<ShipmentAccessionState>(mongo.db, ACCESSIONS, wake, logger),
    // A receipt missed by a reader (its writer died before the head) is applied by the receipt's
    // redelivery, and the pools index is a superset written before the pools it files: neither
    // needs the second lookup for a headless aggregate on every miss.
    receipts: new MongoAggregateStore<ReceiptState>(mongo.db, RECEIPTS, undefined, logger, {
      probeHeadless: false,
    }),
    poolsAwaiting: new MongoAggregateStore<KeyIndexState>(mongo.db, POOLS_AWAITING, undefined, logger, {
      probeHeadless: false,
    }),
    queries: new MongoLabSampleQueries(samples),
    close: async () => {
      if (!shared) await bus.close();
      await mongo.close();
    },
  };
}

function embeddedAdapters(wake: SavedWithEvents, logger: Logger, shared?: Bus): Adapters {
  const bus = shared ?? new InMemoryBus({ logger });
  const samples = new InMemoryAggregateStore<LabSampleState>(LAB_SAMPLES, wake);
  return {
    bus,
    samples,
    accessions: new InMemoryAggregateStore<ShipmentAccessionState>(ACCESSIONS, wake),
    receipts: new InMemoryAggregateStore<ReceiptState>(RECEIPTS),
    poolsAwaiting: new InMemoryAggregateStore<KeyIndexState>(POOLS_AWAITING),
    queries: new InMemoryLabSampleQueries(samples),
    close: async () => {
      if (!shared) await bus.close();
    },
  };
}

/**
 * Starts the service: adapters from config, the outbox relay, the consumer of the districts'
 * samples and manifests (and of its own receipts and person results), the gRPC API.
 */
export async function start(
  config: Config,
  options: { bus?: Bus; logger?: Logger; rules?: RuleBook; now?: () => Date } = {},
): Promise<Running> {
  const logger = options.logger ?? createLogger({ name: 'lab-results', level: config.LOG_LEVEL });
  const relayer = deferredRelay();
  const wake = relayer.wake;
  const adapters =
    config.TRUYVET_MODE === 'real' && config.KAFKA_BROKERS && config.MONGODB_URI
      ? await realAdapters(config, config.KAFKA_BROKERS, config.MONGODB_URI, wake, logger, options.bus)
      : embeddedAdapters(wake, logger, options.bus);
  const { bus } = adapters;
  await bus.ensureTopics(allTopics);
  const relay = relayer.start({ bus, sources: [adapters.samples, adapters.accessions], logger });

  const rules = options.rules ?? defaultRuleBook();
  const now = options.now ?? (() => new Date());
  // Every save of a lab sample files its pool under the members it awaits, before the save.
  const { index: poolsAwaiting, store: samples } = await keyIndexed(
    adapters.samples,
    adapters.poolsAwaiting,
    membersAwaited,
    async () =>
      (await adapters.queries.poolsWithOpenOrders()).map((state) => ({ id: state.sample.sampleId, state })),
  );
  const accessioning = new Accessioning(adapters.accessions, samples, rules, now);
  const desk = new ResultDesk(samples, adapters.receipts, poolsAwaiting, adapters.queries, rules, now);

  const subscription: Subscription = await bus.subscribe({
    groupId: CONSUMER_GROUP,
    // Partitions moved: an instance may have died with saves it had not published yet.
    onJoined: () => {
      relay.takeOver();
    },
    topics: [topics.samples.topic, topics.shipments.topic, topics.labResults.topic],
    // Every handler is idempotent on natural keys (a tube is created once, a manifest or receipt
    // applied once, a member outcome recorded once by result id), so no dedup store: on FerretDB
    // its lookup per event would scan a collection that grows with every event (ADR 3).
    partitionsConsumedConcurrently: config.CONSUMER_PARTITIONS_AT_ONCE,
    // Several keys of a partition at once: a batch's store round trips overlap (ADR 13).
    keysConsumedConcurrently: config.CONSUMER_KEYS_AT_ONCE,
    handler: eventHandler(
      new EventRegistry([
        SampleCollectedV1,
        ShipmentDispatchedV1,
        ShipmentReceivedV1,
        PersonTestResultedV1,
      ] as const),
      {
        SampleCollected: (event) => desk.sampleCollected(event),
        ShipmentDispatched: (event) => accessioning.manifestArrived(event),
        ShipmentReceived: (event) => desk.shipmentReceived(event),
        PersonTestResulted: (event) => desk.personResulted(event),
      },
    ),
  });

  const server = createGrpcServer({
    logger,
    auth: {
      key: signingKeyOrDevelopment(config.AUTH_SIGNING_KEY, (m) => {
        logger.warn(m);
      }),
    },
  });
  const lab = loadGrpcObject<LabProto>('truyvet/lab/v1/lab.proto').truyvet.lab.v1;
  const handlers = labHandlers(accessioning, desk);
  server.addService(lab.Accessioning.service, handlers.accessioning);
  server.addService(lab.Results.service, handlers.results);
  const grpcPort = await server.start(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ grpcPort, mode: config.TRUYVET_MODE }, 'lab-results serving');

  let stopping: Promise<void> | undefined;
  return {
    grpcPort,
    stop: () => {
      stopping ??= (async () => {
        await server.stop(5_000);
        await subscription.stop();
        await relay.stop();
        await adapters.close();
      })();
      return stopping;
    },
  };
}
