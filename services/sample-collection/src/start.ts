import { eventHandler, type Bus } from '@truyvet/bus';
import {
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
import { loadGrpcObject } from '@truyvet/grpc';
import type { PersonsProto, SamplesProto } from '@truyvet/grpc/samples';
import type { Logger } from '@truyvet/log';
import { defaultRuleBook, type RuleBook } from '@truyvet/rules';
import { startService, type ServiceHost } from '@truyvet/service';
import { keyIndexed, type AggregateStore, type KeyIndexState, type OutboxSource } from '@truyvet/store';
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
import { SAMPLE_COLLECTION_ACCESS } from './access';
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

/** The stores and the queries on them that each mode keeps its own way. */
interface Adapters {
  persons: Store<PersonState>;
  samples: Store<SampleState>;
  shipments: Store<ShipmentState>;
  worklist: Store<WorklistEntry>;
  worklistQueries: WorklistQueries;
  directory: PersonDirectory;
  shipmentQueries: ShipmentQueries;
  openPools: Claims;
  shipped: Claims;
}

function modeAdapters(stores: ServiceHost['stores']): Adapters {
  if (stores.kind === 'mongo') {
    const persons = stores.aggregates<PersonState>(PERSONS, { outbox: true });
    const samples = stores.aggregates<SampleState>(SAMPLES, { outbox: true, replaceHeads: true });
    const shipments = stores.aggregates<ShipmentState>(SHIPMENTS, { outbox: true });
    const worklist = stores.aggregates<WorklistEntry>(WORKLIST, { outbox: true });
    return {
      persons,
      samples,
      shipments,
      worklist,
      worklistQueries: new MongoWorklistQueries(worklist),
      directory: new MongoPersonDirectory(persons),
      shipmentQueries: new MongoShipmentQueries(shipments),
      openPools: new MongoClaims(stores.db, 'open_pools', async (id) => (await samples.load(id)) !== null),
      shipped: new MongoClaims(
        stores.db,
        'shipped_samples',
        async (id) => (await shipments.load(id)) !== null,
      ),
    };
  }
  const persons = stores.aggregates<PersonState>(PERSONS, { outbox: true });
  const shipments = stores.aggregates<ShipmentState>(SHIPMENTS, { outbox: true });
  const worklist = stores.aggregates<WorklistEntry>(WORKLIST, { outbox: true });
  return {
    persons,
    samples: stores.aggregates<SampleState>(SAMPLES, { outbox: true, replaceHeads: true }),
    shipments,
    worklist,
    worklistQueries: new InMemoryWorklistQueries(worklist),
    directory: new InMemoryPersonDirectory(persons),
    shipmentQueries: new InMemoryShipmentQueries(shipments),
    openPools: new InMemoryClaims(),
    shipped: new InMemoryClaims(),
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
  const host = await startService(config, {
    name: 'sample-collection',
    bus: options.bus,
    logger: options.logger,
    units: canThoAdminUnits(),
    access: SAMPLE_COLLECTION_ACCESS,
  });
  const adapters = modeAdapters(host.stores);
  const identifications = host.aggregates<Identification>(IDENTIFICATIONS, { outbox: true });
  const personsByKey = host.aggregates<KeyIndexState>(PERSONS_BY_KEY, { superset: true });
  const worklistByPerson = host.aggregates<KeyIndexState>(WORKLIST_BY_PERSON, { superset: true });
  await host.applyIndexes([personIndexes, shipmentIndexes, worklistIndexes]);
  // every store that saves events
  host.relayOutbox([
    adapters.persons,
    adapters.samples,
    adapters.shipments,
    adapters.worklist,
    identifications,
  ]);

  const rules = options.rules ?? defaultRuleBook();
  const now = options.now ?? (() => new Date());
  // Every save of a person files them under their lookup keys first; registrations find the
  // similar people through those keys (ADR 13).
  const { index: personsIndex, store: indexedPersons } = await keyIndexed(
    adapters.persons,
    personsByKey,
    personKeys,
    async () => (await adapters.directory.everyone()).map((p) => ({ id: p.personId, state: p.state })),
  );
  const registry = new PersonRegistry(
    indexedPersons,
    new IndexedPersonDirectory(personsIndex, adapters.persons, adapters.directory),
    config.PERSON_ID_SECRET ?? 'truyvet-development-person-ids',
    now,
  );
  const collection = new SampleCollection(
    adapters.samples,
    adapters.persons,
    adapters.openPools,
    adapters.shipments,
    rules,
    now,
  );
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
    worklistByPerson,
    openOrderKeys,
    async () =>
      (await adapters.worklistQueries.allOpen()).map((state) => ({ id: state.order.orderId, state })),
  );
  const worklists = new Worklists(worklist, adapters.persons, adapters.worklistQueries, openByPerson, now);

  await host.consume({
    groupId: CONSUMER_GROUP,
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
          await registry.identifyContact(event.data, identifications, {
            correlationId: event.correlationId,
            causationId: event.id,
          });
        },
      },
    ),
  });

  const units = canThoAdminUnits();
  const persons = loadGrpcObject<PersonsProto>('truyvet/samples/v1/persons.proto').truyvet.samples.v1;
  const samples = loadGrpcObject<SamplesProto>('truyvet/samples/v1/samples.proto').truyvet.samples.v1;
  const grpcPort = await host.serve((server) => {
    server.addService(persons.PersonRegistry.service, personRegistryHandlers(registry, units));
    server.addService(samples.SampleCollection.service, sampleCollectionHandlers(collection, units));
    server.addService(samples.Shipments.service, shipmentHandlers(desk, units));
    server.addService(samples.Worklists.service, worklistHandlers(worklists, units, now));
  });

  return { grpcPort, stop: host.stop };
}
