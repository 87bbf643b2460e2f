import { InMemoryBus, KafkaBus, type Bus } from '@truyvet/bus';
import { allTopics } from '@truyvet/events';
import { canThoAdminUnits } from '@truyvet/geo';
import { createGrpcServer, DEV_SIGNING_KEY, loadGrpcObject } from '@truyvet/grpc';
import type { ProtoGrpcType } from '@truyvet/grpc/src/generated/persons';
import type { ProtoGrpcType as SamplesProto } from '@truyvet/grpc/src/generated/samples';
import { defaultRuleBook, type RuleBook } from '@truyvet/rules';
import { createLogger, type Logger } from '@truyvet/log';
import {
  applyIndexes,
  connectMongo,
  InMemoryAggregateStore,
  MongoAggregateStore,
  OutboxRelay,
  type AggregateStore,
  type OutboxSource,
} from '@truyvet/store';
import { PersonRegistry } from './app/person-registry';
import { SampleCollection } from './app/sample-collection';
import type { Claims } from './app/claims';
import { sampleCollectionHandlers } from './adapters/grpc-samples';
import { InMemoryClaims, MongoClaims } from './adapters/claims';
import type { SampleState } from './domain/samples';
import type { PersonDirectory } from './app/ports';
import { personRegistryHandlers } from './adapters/grpc-persons';
import { InMemoryPersonDirectory } from './adapters/memory-directory';
import { MongoPersonDirectory, PERSONS, personIndexes } from './adapters/mongo-directory';
import type { Config } from './config';
import type { PersonState } from './domain/registration';

export const SERVICES = ['truyvet.samples.v1.PersonRegistry', 'truyvet.samples.v1.SampleCollection'] as const;
const SAMPLES = 'samples';

export interface Running {
  grpcPort: number;
  stop(): Promise<void>;
}

/**
 * Starts the service: adapters from config, the outbox relay, the gRPC API. `bus` lets the
 * embedded quick start share one in-memory bus between services.
 */
export async function start(
  config: Config,
  options: { bus?: Bus; logger?: Logger; rules?: RuleBook } = {},
): Promise<Running> {
  const logger = options.logger ?? createLogger({ name: 'sample-collection', level: config.LOG_LEVEL });
  const closers: Array<() => Promise<void>> = [];
  const relayHook: { relay?: OutboxRelay } = {};
  const wake = (): void => relayHook.relay?.notify();

  let bus: Bus;
  let store: AggregateStore<PersonState> & OutboxSource;
  let samples: AggregateStore<SampleState> & OutboxSource;
  let openPools: Claims;
  let directory: PersonDirectory;
  if (config.TRUYVET_MODE === 'real' && config.KAFKA_BROKERS && config.MONGODB_URI) {
    const kafka =
      options.bus ?? new KafkaBus({ brokers: config.KAFKA_BROKERS, clientId: 'sample-collection', logger });
    bus = kafka;
    if (!options.bus) closers.push(() => kafka.close());
    const mongo = await connectMongo(config.MONGODB_URI, config.MONGODB_DB, {
      appName: 'sample-collection',
      logger,
    });
    closers.push(() => mongo.close());
    await applyIndexes(mongo.db, [
      ...MongoAggregateStore.indexes(PERSONS),
      ...MongoAggregateStore.indexes(SAMPLES),
      personIndexes,
    ]);
    const mongoStore = new MongoAggregateStore<PersonState>(mongo.db, PERSONS, wake, logger);
    store = mongoStore;
    directory = new MongoPersonDirectory(mongoStore);
    const sampleStore = new MongoAggregateStore<SampleState>(mongo.db, SAMPLES, wake, logger);
    samples = sampleStore;
    openPools = new MongoClaims(
      mongo.db,
      'open_pools',
      async (sampleId) => (await sampleStore.load(sampleId)) !== null,
    );
  } else {
    const memoryBus = options.bus ?? new InMemoryBus({ logger });
    bus = memoryBus;
    if (!options.bus) closers.push(() => memoryBus.close());
    const memoryStore = new InMemoryAggregateStore<PersonState>(PERSONS, wake);
    store = memoryStore;
    directory = new InMemoryPersonDirectory(memoryStore);
    samples = new InMemoryAggregateStore<SampleState>(SAMPLES, wake);
    openPools = new InMemoryClaims();
  }
  await bus.ensureTopics(allTopics);

  const relay = new OutboxRelay({ bus, sources: [store, samples], logger });
  relayHook.relay = relay;
  relay.start();

  const registry = new PersonRegistry(
    store,
    directory,
    config.PERSON_ID_SECRET ?? 'truyvet-development-person-ids',
  );
  if (!config.AUTH_SIGNING_KEY)
    logger.warn('AUTH_SIGNING_KEY not set: accepting tokens signed with the public development key');
  const server = createGrpcServer({ logger, auth: { key: config.AUTH_SIGNING_KEY ?? DEV_SIGNING_KEY } });
  const proto = loadGrpcObject<ProtoGrpcType>('truyvet/samples/v1/persons.proto').truyvet.samples.v1;
  const units = canThoAdminUnits();
  server.addService(proto.PersonRegistry.service, personRegistryHandlers(registry, units));
  const samplesProto = loadGrpcObject<SamplesProto>('truyvet/samples/v1/samples.proto').truyvet.samples.v1;
  const collection = new SampleCollection(samples, store, openPools, options.rules ?? defaultRuleBook());
  server.addService(samplesProto.SampleCollection.service, sampleCollectionHandlers(collection, units));
  const grpcPort = await server.start(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ grpcPort, mode: config.TRUYVET_MODE }, 'sample-collection serving');

  let stopping: Promise<void> | undefined;
  return {
    grpcPort,
    stop: () => {
      stopping ??= (async () => {
        await server.stop(5_000); // no new requests; in-flight ones finish
        await relay.stop(); // the last events go out
        for (const close of closers.reverse()) await close();
      })();
      return stopping;
    },
  };
}
