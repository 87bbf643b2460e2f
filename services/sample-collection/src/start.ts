import { eventHandler, InMemoryBus, KafkaBus, type Bus, type Subscription } from '@truyvet/bus';
import {
  allTopics,
  ContactIdentificationRequestedV1,
  EventRegistry,
  PersonTestResultedV1,
  PoolResultedV1,
  SampleCollectedV1,
  ShipmentReceivedV1,
  TestOrderCancelledV1,
  TestOrderedV1,
  topics,
} from '@truyvet/events';
import { canThoAdminUnits } from '@truyvet/geo';
import { createGrpcServer, loadGrpcObject, signingKeyOrDevelopment } from '@truyvet/grpc';
import type { PersonsProto, SamplesProto } from '@truyvet/grpc/samples';
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
import type { Claims } from './app/claims';
import { PersonRegistry, type Identification } from './app/person-registry';
import type { PersonDirectory } from './app/ports';
import { IndexedPersonDirectory, PERSONS_BY_KEY, personKeys } from './app/person-index';
import { SampleCollection } from './app/sample-collection';
import { ShipmentDesk, type ShipmentQueries } from './app/shipment-desk';
import { openOrderKeys, Worklists, type WorklistQueries } from './app/worklists';
import { worklistHandlers } from './adapters/grpc-worklists';
import {
  InMemoryWorklistQueries,
  MongoWorklistQueries,
  WORKLIST,
  worklistIndexes,
  WORKLIST_BY_PERSON,
} from './adapters/worklist-queries';
import type { WorklistEntry } from './domain/worklist';
import { InMemoryClaims, MongoClaims } from './adapters/claims';
import { personRegistryHandlers } from './adapters/grpc-persons';
import { sampleCollectionHandlers } from './adapters/grpc-samples';
import { shipmentHandlers } from './adapters/grpc-shipments';
import { InMemoryPersonDirectory } from './adapters/memory-directory';
import { MongoPersonDirectory, PERSONS, personIndexes } from './adapters/mongo-directory';
import {
  InMemoryShipmentQueries,
  MongoShipmentQueries,
  SHIPMENTS,
  shipmentIndexes,
} from './adapters/shipment-queries';
import type { Config } from './config';
import type { PersonState } from './domain/registration';
import type { SampleState } from './domain/samples';
import type { ShipmentState } from './domain/shipments';

export const SERVICES = [
  'truyvet.samples.v1.PersonRegistry',
  'truyvet.samples.v1.SampleCollection',
  'truyvet.samples.v1.Shipments',
  'truyvet.samples.v1.Worklists',
] as const;
export const CONSUMER_GROUP = 'sample-collection';
const SAMPLES = 'samples';
const IDENTIFICATIONS = 'identifications';

export interface Running {
  grpcPort: number;
  stop(): Promise<void>;
}

type Store<S> = AggregateStore<S> & OutboxSource;

interface Adapters {
  bus: Bus;
  persons: Store<PersonState>;
  personsByKey: AggregateStore<KeyIndexState>;
  samples: Store<SampleState>;
  shipments: Store<ShipmentState>;
  worklist: Store<WorklistEntry>;
  worklistByPerson: AggregateStore<KeyIndexState>;
  identifications: Store<Identification>;
  worklistQueries: WorklistQueries;
  directory: PersonDirectory;
  shipmentQueries: ShipmentQueries;
  openPools: Claims;
  shipped: Claims;
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
      clientId: 'sample-collection',
      logger,
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    });
  const mongo = await connectMongo(uri, config.MONGODB_DB, { appName: 'sample-collection', logger });
  await applyIndexes(mongo.db, [
    ...[PERSONS, PERSONS_BY_KEY, SAMPLES, SHIPMENTS, WORKLIST, WORKLIST_BY_PERSON, IDENTIFICATIONS].flatMap(
      (name) => MongoAggregateStore.indexes(name),
    ),
    personIndexes,
    shipmentIndexes,
    worklistIndexes,
  ]);
  const persons = new MongoAggregateStore<PersonState>(mongo.db, PERSONS, wake, logger);
  const samples = new MongoAggregateStore<SampleState>(mongo.db, SAMPLES, wake, logger);
  const shipments = new MongoAggregateStore<ShipmentState>(mongo.db, SHIPMENTS, wake, logger);
  const worklist = new MongoAggregateStore<WorklistEntry>(mongo.db, WORKLIST, wake, logger);
  const identifications = new MongoAggregateStore<Identification>(mongo.db, IDENTIFICATIONS, wake, logger);
  return {
    identifications,
    bus,
    persons,
    personsByKey: new MongoAggregateStore<KeyIndexState>(mongo.db, PERSONS_BY_KEY, undefined, logger, {
      probeHeadless: false, // a superset written first: see KeyIndex
    }),
    samples,
    shipments,
    worklist,
    worklistByPerson: new MongoAggregateStore<KeyIndexState>(
      mongo.db,
      WORKLIST_BY_PERSON,
      undefined,
      logger,
      {
        probeHeadless: false, // a superset written first: see KeyIndex
      },
    ),
    worklistQueries: new MongoWorklistQueries(worklist),
    directory: new MongoPersonDirectory(persons),
    shipmentQueries: new MongoShipmentQueries(shipments),
    openPools: new MongoClaims(mongo.db, 'open_pools', async (id) => (await samples.load(id)) !== null),
    shipped: new MongoClaims(mongo.db, 'shipped_samples', async (id) => (await shipments.load(id)) !== null),
    close: async () => {
      if (!shared) await bus.close();
      await mongo.close();
    },
  };
}

function embeddedAdapters(wake: SavedWithEvents, logger: Logger, shared?: Bus): Adapters {
  const bus = shared ?? new InMemoryBus({ logger });
  const persons = new InMemoryAggregateStore<PersonState>(PERSONS, wake);
  const shipments = new InMemoryAggregateStore<ShipmentState>(SHIPMENTS, wake);
  const worklist = new InMemoryAggregateStore<WorklistEntry>(WORKLIST, wake);
  return {
    identifications: new InMemoryAggregateStore<Identification>(IDENTIFICATIONS, wake),
    bus,
    persons,
    personsByKey: new InMemoryAggregateStore<KeyIndexState>(PERSONS_BY_KEY),
    samples: new InMemoryAggregateStore<SampleState>(SAMPLES, wake),
    shipments,
    worklist,
    worklistByPerson: new InMemoryAggregateStore<KeyIndexState>(WORKLIST_BY_PERSON),
    worklistQueries: new InMemoryWorklistQueries(worklist),
    directory: new InMemoryPersonDirectory(persons),
    shipmentQueries: new InMemoryShipmentQueries(shipments),
    openPools: new InMemoryClaims(),
    shipped: new InMemoryClaims(),
    close: async () => {
      if (!shared) await bus.close();
    },
  };
}

/**
 * Starts the service: adapters from config, the outbox relay, the consumer of the lab's
 * shipment receipts, the gRPC API. `bus` lets the embedded quick start share one in-memory bus.
 */
export async function start(
  config: Config,
  options: { bus?: Bus; logger?: Logger; rules?: RuleBook; now?: () => Date } = {},
): Promise<Running> {
  const logger = options.logger ?? createLogger({ name: 'sample-collection', level: config.LOG_LEVEL });
  const relayer = deferredRelay();
  const wake = relayer.wake;
  const adapters =
    config.TRUYVET_MODE === 'real' && config.KAFKA_BROKERS && config.MONGODB_URI
      ? await realAdapters(config, config.KAFKA_BROKERS, config.MONGODB_URI, wake, logger, options.bus)
      : embeddedAdapters(wake, logger, options.bus);
  const { bus } = adapters;
  await bus.ensureTopics(allTopics);

  const relay = relayer.start({
    bus,
    // every store that saves events
    sources: [
      adapters.persons,
      adapters.samples,
      adapters.shipments,
      adapters.worklist,
      adapters.identifications,
    ],
    logger,
  });

  const rules = options.rules ?? defaultRuleBook();
  const now = options.now ?? (() => new Date());
  // Every save of a person files them under their lookup keys first; registrations find the
  // similar people through those keys (ADR 13).
  const { index: personsByKey, store: indexedPersons } = await keyIndexed(
    adapters.persons,
    adapters.personsByKey,
    personKeys,
    async () => (await adapters.directory.everyone()).map((p) => ({ id: p.personId, state: p.state })),
  );
  const registry = new PersonRegistry(
    indexedPersons,
    new IndexedPersonDirectory(personsByKey, adapters.persons, adapters.directory),
    config.PERSON_ID_SECRET ?? 'truyvet-development-person-ids',
    now,
  );
  const collection = new SampleCollection(adapters.samples, adapters.persons, adapters.openPools, rules, now);
  const desk = new ShipmentDesk(
    adapters.shipments,
    adapters.samples,
    adapters.shipped,
    adapters.openPools,
    adapters.shipmentQueries,
    rules,
    now,
  );
  // Every save of a worklist entry files an open one under its person first (ADR 13).
  const { index: openByPerson, store: worklist } = await keyIndexed(
    adapters.worklist,
    adapters.worklistByPerson,
    openOrderKeys,
    async () =>
      (await adapters.worklistQueries.allOpen()).map((state) => ({ id: state.order.orderId, state })),
  );
  const worklists = new Worklists(worklist, adapters.persons, adapters.worklistQueries, openByPerson, now);

  const subscription: Subscription = await bus.subscribe({
    groupId: CONSUMER_GROUP,
    // Partitions moved: an instance may have died with saves it had not published yet.
    onJoined: () => {
      relay.takeOver();
    },
    topics: [
      topics.shipments.topic,
      topics.testOrders.topic,
      topics.samples.topic,
      topics.labResults.topic,
      topics.cases.topic,
    ],
    // Every handler is idempotent on natural keys (a shipment already received, a tube already
    // resulted, a worklist entry created once by order id and closed only while open, an
    // identification answered once by its reference), so no dedup store: its lookup and insert per
    // event were a third of this service's round trips, for every event of five topics.
    partitionsConsumedConcurrently: config.CONSUMER_PARTITIONS_AT_ONCE,
    // Several keys of a partition at once: a batch's store round trips overlap (ADR 13).
    keysConsumedConcurrently: config.CONSUMER_KEYS_AT_ONCE,
    handler: eventHandler(
      new EventRegistry([
        ShipmentReceivedV1,
        TestOrderedV1,
        TestOrderCancelledV1,
        SampleCollectedV1,
        PoolResultedV1,
        PersonTestResultedV1,
        ContactIdentificationRequestedV1,
      ] as const),
      {
        ShipmentReceived: (event) => desk.receiveShipment(event.data),
        PoolResulted: (event) => collection.sampleResulted(event.data.sampleId),
        PersonTestResulted: (event) =>
          event.data.pooled ? Promise.resolve() : collection.sampleResulted(event.data.sampleId),
        TestOrdered: (event) => worklists.orderTest(event),
        TestOrderCancelled: (event) => worklists.cancelOrder(event),
        SampleCollected: (event) => worklists.sampleCollected(event),
        ContactIdentificationRequested: async (event) => {
          await registry.identifyContact(event.data, adapters.identifications, {
            correlationId: event.correlationId,
            causationId: event.id,
          });
        },
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
  const units = canThoAdminUnits();
  const persons = loadGrpcObject<PersonsProto>('truyvet/samples/v1/persons.proto').truyvet.samples.v1;
  const samples = loadGrpcObject<SamplesProto>('truyvet/samples/v1/samples.proto').truyvet.samples.v1;
  server.addService(persons.PersonRegistry.service, personRegistryHandlers(registry, units));
  server.addService(samples.SampleCollection.service, sampleCollectionHandlers(collection, units));
  server.addService(samples.Shipments.service, shipmentHandlers(desk, units));
  server.addService(samples.Worklists.service, worklistHandlers(worklists, units, now));
  const grpcPort = await server.start(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ grpcPort, mode: config.TRUYVET_MODE }, 'sample-collection serving');

  let stopping: Promise<void> | undefined;
  return {
    grpcPort,
    stop: () => {
      stopping ??= (async () => {
        await server.stop(5_000); // no new requests; in-flight ones finish
        await subscription.stop(); // the event in hand is applied and committed
        await relay.stop(); // the last events go out
        await adapters.close();
      })();
      return stopping;
    },
  };
}
