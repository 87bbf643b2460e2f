import { eventHandler, type Bus } from '@truyvet/bus';
import {
  EventRegistry,
  PersonTestResultedV1,
  SampleCollectedV1,
  ShipmentDispatchedV1,
  ShipmentReceivedV1,
  topics,
} from '@truyvet/events';
import { canThoAdminUnits } from '@truyvet/geo';
import { loadGrpcObject } from '@truyvet/grpc';
import type { LabProto } from '@truyvet/grpc/lab';
import type { Logger } from '@truyvet/log';
import { defaultRuleBook, type RuleBook } from '@truyvet/rules';
import { startService, type ServiceHost } from '@truyvet/service';
import { keyIndexed, type AggregateStore, type KeyIndexState, type OutboxSource } from '@truyvet/store';
import { Accessioning, type ShipmentAccessionState } from './app/accessioning';
import { ResultDesk, type LabSampleQueries } from './app/result-desk';
import { Receipts, type ReceiptDocument } from './app/receipts';
import { membersAwaited, POOLS_AWAITING } from './app/pools-awaiting';
import { labHandlers } from './adapters/grpc-lab';
import {
  InMemoryLabSampleQueries,
  LAB_SAMPLES,
  labSampleIndexes,
  MongoLabSampleQueries,
} from './adapters/lab-sample-queries';
import { LAB_ACCESS } from './access';
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

/** The lab's tubes, and the operators' queries on them, of the mode's store. */
function labSamples(stores: ServiceHost['stores']): {
  samples: AggregateStore<LabSampleState> & OutboxSource;
  queries: LabSampleQueries;
} {
  if (stores.kind === 'mongo') {
    // A result's head is replaced, not updated (a fifth of the cost on FerretDB: ADR 13): its
    // marker covers the moment without a head, which the district's turnaround view could miss.
    const samples = stores.aggregates<LabSampleState>(LAB_SAMPLES, {
      outbox: true,
      replaceHeads: 'with-events',
    });
    return { samples, queries: new MongoLabSampleQueries(samples) };
  }
  const samples = stores.aggregates<LabSampleState>(LAB_SAMPLES, { outbox: true });
  return { samples, queries: new InMemoryLabSampleQueries(samples) };
}

/**
 * Starts the service: adapters from config, the outbox relay, the consumer of the districts'
 * samples and manifests (and of its own receipts and person results), the gRPC API.
 */
export async function start(
  config: Config,
  options: { bus?: Bus; logger?: Logger; rules?: RuleBook; now?: () => Date } = {},
): Promise<Running> {
  const host = await startService(config, {
    name: 'lab-results',
    bus: options.bus,
    logger: options.logger,
    units: canThoAdminUnits(),
    access: LAB_ACCESS,
  });
  const { samples, queries } = labSamples(host.stores);
  const accessions = host.aggregates<ShipmentAccessionState>(ACCESSIONS, { outbox: true });
  // The tubes' receipts, one document each, joined to the tubes when they are read.
  const receipts = new Receipts(host.documents<ReceiptDocument>(RECEIPTS));
  // The pools index is a superset written before the pools it files: it does not need the second
  // lookup for a headless aggregate on every miss.
  const poolsAwaitingStore = host.aggregates<KeyIndexState>(POOLS_AWAITING, { superset: true });
  await host.applyIndexes([labSampleIndexes]);
  host.relayOutbox([samples, accessions]);

  const rules = options.rules ?? defaultRuleBook();
  const now = options.now ?? (() => new Date());
  // Every save of a lab sample files its pool under the members it awaits, before the save.
  const { index: poolsAwaiting, store: indexedSamples } = await keyIndexed(
    samples,
    poolsAwaitingStore,
    membersAwaited,
    async () => (await queries.poolsWithOpenOrders()).map((state) => ({ id: state.sample.sampleId, state })),
  );
  const accessioning = new Accessioning(accessions, indexedSamples, rules, now);
  const desk = new ResultDesk(indexedSamples, receipts, poolsAwaiting, queries, rules, now);

  await host.consume({
    groupId: CONSUMER_GROUP,
    topics: [topics.samples.topic, topics.shipments.topic, topics.labResults.topic],
    // Every handler is idempotent on natural keys (a tube is created once, a manifest or receipt
    // applied once, a member outcome recorded once by result id), so no dedup store: on FerretDB
    // its lookup per event would scan a collection that grows with every event (ADR 3).
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

  const lab = loadGrpcObject<LabProto>('truyvet/lab/v1/lab.proto').truyvet.lab.v1;
  const handlers = labHandlers(accessioning, desk);
  const grpcPort = await host.serve((server) => {
    server.addService(lab.Accessioning.service, handlers.accessioning);
    server.addService(lab.Results.service, handlers.results);
  });

  return { grpcPort, stop: host.stop };
}
