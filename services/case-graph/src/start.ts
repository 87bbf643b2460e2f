import { eventHandler, InMemoryBus, KafkaBus, type Bus, type Subscription } from '@truyvet/bus';
import {
  allTopics,
  CaseConfirmedV1,
  ContactIdentificationAmbiguousV1,
  ContactRecordedV1,
  EventRegistry,
  IsolationEndedV1,
  IsolationOrderedV1,
  IsolationPlacedV1,
  IsolationWaitlistedV1,
  PersonClassifiedV1,
  PersonIdentifiedV1,
  PersonRegisteredV1,
  PersonsMergedV1,
  PersonTestResultAmendedV1,
  PersonTestResultedV1,
  PersonUpdatedV1,
  topics,
} from '@truyvet/events';
import { canThoAdminUnits } from '@truyvet/geo';
import { createGrpcServer, loadGrpcObject, signingKeyOrDevelopment } from '@truyvet/grpc';
import type { CasesProto } from '@truyvet/grpc/cases';
import { createLogger, type Logger } from '@truyvet/log';
import { defaultTracingRuleBook, type TracingRuleBook } from '@truyvet/rules';
import {
  applyIndexes,
  connectMongo,
  deferredRelay,
  InMemoryAggregateStore,
  KeyIndex,
  MongoAggregateStore,
  type AggregateStore,
  type KeyIndexState,
  type OutboxSource,
  type SavedWithEvents,
} from '@truyvet/store';
import { ExposureLogDesk } from './app/exposure-log-desk';
import { PlacementDesk } from './app/placement';
import type {
  DirectoryEntry,
  HouseholdStore,
  ExposureLogs,
  FacilityQueries,
  PersonDirectory,
  RecordQueries,
  ResultLog,
  RuleSetQueries,
  StoredRuleSet,
  TaskQueries,
  WaitingEntry,
  WaitingQueries,
} from './app/ports';
import { RuleSetDesk } from './app/rule-sets';
import { TaskQueue } from './app/task-queue';
import { TracingDesk } from './app/tracing';
import { GraphViews } from './app/views';
import {
  InMemoryDocuments,
  inMemoryStates,
  MongoDocuments,
  mongoStates,
  type Documents,
  type States,
} from './adapters/documents';
import { caseGraphHandlers } from './adapters/grpc-cases';
import {
  caseGraphIndexes,
  DIRECTORY,
  exposureLogs,
  FACILITIES,
  facilityQueries,
  HOUSEHOLDS,
  personDirectory,
  buildHouseholdIndex,
  HOUSEHOLD_MEMBERS,
  PROXIMITY,
  RECORDS,
  recordQueries,
  RESULT_LOG,
  resultLog,
  RULE_SETS,
  ruleSetQueries,
  TASKS,
  taskQueries,
  VISITS,
  WAITING,
  waitingQueries,
} from './adapters/queries';
import type { Config } from './config';
import type { FacilityState } from './domain/facility';
import type { TracingTask } from './domain/tasks';
import type { TracingRecord } from './domain/types';

export const SERVICES = [
  'truyvet.cases.v1.Cases',
  'truyvet.cases.v1.Contacts',
  'truyvet.cases.v1.Isolation',
  'truyvet.cases.v1.Tracing',
  'truyvet.cases.v1.Rules',
] as const;
export const CONSUMER_GROUP = 'case-graph';

export interface Running {
  grpcPort: number;
  /** Runs the release sweep now (tests and the quick start). */
  releaseDue(): Promise<{ checked: number; released: number; awaitingLastTest: number }>;
  stop(): Promise<void>;
}

type Store<S> = AggregateStore<S> & OutboxSource;

interface Adapters {
  bus: Bus;
  records: Store<TracingRecord>;
  facilities: Store<FacilityState>;
  waiting: Store<WaitingEntry>;
  tasks: AggregateStore<TracingTask>;
  ruleSets: AggregateStore<StoredRuleSet>;
  households: HouseholdStore;
  recordQueries: RecordQueries;
  facilityQueries: FacilityQueries;
  waitingQueries: WaitingQueries;
  taskQueries: TaskQueries;
  ruleSetQueries: RuleSetQueries;
  directory: PersonDirectory;
  results: ResultLog;
  logs: ExposureLogs;
  /** Builds the indexes by natural key from what existed before them (once per store, at start). */
  buildIndexes: () => Promise<void>;
  close: () => Promise<void>;
}

interface Parts {
  records: Store<TracingRecord>;
  facilities: Store<FacilityState>;
  waiting: Store<WaitingEntry>;
  tasks: AggregateStore<TracingTask>;
  ruleSets: AggregateStore<StoredRuleSet>;
  households: HouseholdStore;
  states: {
    records: States<TracingRecord>;
    facilities: States<FacilityState>;
    waiting: States<WaitingEntry>;
    tasks: States<TracingTask>;
    ruleSets: States<StoredRuleSet>;
  };
  documents: <T extends { _id: string }>(name: string) => Documents<T>;
  householdMembers: AggregateStore<KeyIndexState>;
}

function assemble(bus: Bus, parts: Parts, close: () => Promise<void>): Adapters {
  const directoryDocs = parts.documents<DirectoryEntry>(DIRECTORY);
  const households = new KeyIndex(parts.householdMembers);
  return {
    bus,
    records: parts.records,
    facilities: parts.facilities,
    waiting: parts.waiting,
    tasks: parts.tasks,
    ruleSets: parts.ruleSets,
    households: parts.households,
    recordQueries: recordQueries(parts.states.records),
    facilityQueries: facilityQueries(parts.states.facilities),
    waitingQueries: waitingQueries(parts.states.waiting),
    taskQueries: taskQueries(parts.states.tasks),
    ruleSetQueries: ruleSetQueries(parts.states.ruleSets),
    directory: personDirectory(directoryDocs, households),
    buildIndexes: () => buildHouseholdIndex(directoryDocs, households),
    results: resultLog(parts.documents(RESULT_LOG)),
    logs: exposureLogs(parts.documents(VISITS), parts.documents(PROXIMITY)),
    close,
  };
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
      clientId: 'case-graph',
      logger,
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    });
  const mongo = await connectMongo(uri, config.MONGODB_DB, { appName: 'case-graph', logger });
  await applyIndexes(mongo.db, [
    ...[RECORDS, FACILITIES, WAITING, TASKS, RULE_SETS, HOUSEHOLDS, HOUSEHOLD_MEMBERS].flatMap((name) =>
      MongoAggregateStore.indexes(name),
    ),
    ...caseGraphIndexes,
  ]);
  const store = <S>(name: string, withEvents: boolean) =>
    new MongoAggregateStore<S>(mongo.db, name, withEvents ? wake : undefined, logger);
  // The household index is written before the directory entries it files: a reader may take a
  // headless key for none (see KeyIndex).
  const superset = <S>(name: string) =>
    new MongoAggregateStore<S>(mongo.db, name, undefined, logger, { probeHeadless: false });
  const records = store<TracingRecord>(RECORDS, true);
  const facilities = store<FacilityState>(FACILITIES, true);
  const waiting = store<WaitingEntry>(WAITING, true);
  const tasks = store<TracingTask>(TASKS, false);
  const ruleSets = store<StoredRuleSet>(RULE_SETS, false);
  return assemble(
    bus,
    {
      records,
      facilities,
      waiting,
      tasks,
      ruleSets,
      households: store(HOUSEHOLDS, false),
      states: {
        records: mongoStates(records),
        facilities: mongoStates(facilities),
        waiting: mongoStates(waiting),
        tasks: mongoStates(tasks),
        ruleSets: mongoStates(ruleSets),
      },
      documents: (name) => new MongoDocuments(mongo.db, name),
      householdMembers: superset<KeyIndexState>(HOUSEHOLD_MEMBERS),
    },
    async () => {
      if (!shared) await bus.close();
      await mongo.close();
    },
  );
}

function embeddedAdapters(wake: SavedWithEvents, logger: Logger, shared?: Bus): Adapters {
  const bus = shared ?? new InMemoryBus({ logger });
  const records = new InMemoryAggregateStore<TracingRecord>(RECORDS, wake);
  const facilities = new InMemoryAggregateStore<FacilityState>(FACILITIES, wake);
  const waiting = new InMemoryAggregateStore<WaitingEntry>(WAITING, wake);
  const tasks = new InMemoryAggregateStore<TracingTask>(TASKS);
  const ruleSets = new InMemoryAggregateStore<StoredRuleSet>(RULE_SETS);
  return assemble(
    bus,
    {
      records,
      facilities,
      waiting,
      tasks,
      ruleSets,
      households: new InMemoryAggregateStore(HOUSEHOLDS),
      states: {
        records: inMemoryStates(records),
        facilities: inMemoryStates(facilities),
        waiting: inMemoryStates(waiting),
        tasks: inMemoryStates(tasks),
        ruleSets: inMemoryStates(ruleSets),
      },
      documents: () => new InMemoryDocuments(),
      householdMembers: new InMemoryAggregateStore<KeyIndexState>(HOUSEHOLD_MEMBERS),
    },
    async () => {
      if (!shared) await bus.close();
    },
  );
}

/**
 * Starts the service: adapters from config, the outbox relay, the consumer (the registry's persons,
 * the lab's person results, and its own cases and isolation streams, which carry the cascade), the
 * release sweep, the gRPC API.
 */
export async function start(
  config: Config,
  options: { bus?: Bus; logger?: Logger; rules?: TracingRuleBook; now?: () => Date } = {},
): Promise<Running> {
  const logger = options.logger ?? createLogger({ name: 'case-graph', level: config.LOG_LEVEL });
  const relayer = deferredRelay();
  const adapters =
    config.TRUYVET_MODE === 'real' && config.KAFKA_BROKERS && config.MONGODB_URI
      ? await realAdapters(
          config,
          config.KAFKA_BROKERS,
          config.MONGODB_URI,
          relayer.wake,
          logger,
          options.bus,
        )
      : embeddedAdapters(relayer.wake, logger, options.bus);
  await adapters.buildIndexes();
  const { bus } = adapters;
  await bus.ensureTopics(allTopics);
  const relay = relayer.start({
    bus,
    sources: [adapters.records, adapters.facilities, adapters.waiting],
    logger,
  });

  const now = options.now ?? (() => new Date());
  const rules = new RuleSetDesk(
    adapters.ruleSets,
    adapters.ruleSetQueries,
    options.rules ?? defaultTracingRuleBook(),
    now,
  );
  await rules.refresh();
  const tracing = new TracingDesk(
    adapters.records,
    adapters.recordQueries,
    adapters.directory,
    adapters.results,
    adapters.households,
    rules.current,
    now,
  );
  const tasks = new TaskQueue(
    adapters.tasks,
    adapters.taskQueries,
    adapters.directory,
    tracing,
    rules.current,
    now,
  );
  const placement = new PlacementDesk(
    adapters.facilities,
    adapters.facilityQueries,
    adapters.waiting,
    adapters.waitingQueries,
    now,
  );
  const logs = new ExposureLogDesk(adapters.logs, adapters.records, tasks);
  const views = new GraphViews(adapters.records, adapters.recordQueries);

  const origin = (event: { id: string; correlationId: string }) => ({
    correlationId: event.correlationId,
    causationId: event.id,
  });
  const subscription: Subscription = await bus.subscribe({
    groupId: config.CONSUMER_GROUP,
    // Partitions moved: an instance may have died with saves it had not published yet.
    onJoined: () => {
      relay.takeOver();
    },
    topics: [topics.persons.topic, topics.labResults.topic, topics.cases.topic, topics.isolation.topic],
    // Every handler is idempotent on natural keys (a result id, a record version, a task or order
    // id), so no dedup store: on FerretDB its lookup per event would scan a growing collection.
    partitionsConsumedConcurrently: config.CONSUMER_PARTITIONS_AT_ONCE,
    // Several keys of a partition at once: a batch's store round trips overlap (ADR 13).
    keysConsumedConcurrently: config.CONSUMER_KEYS_AT_ONCE,
    handler: eventHandler(
      new EventRegistry([
        PersonRegisteredV1,
        PersonUpdatedV1,
        PersonsMergedV1,
        PersonIdentifiedV1,
        ContactIdentificationAmbiguousV1,
        PersonTestResultedV1,
        PersonTestResultAmendedV1,
        ContactRecordedV1,
        PersonClassifiedV1,
        CaseConfirmedV1,
        IsolationOrderedV1,
        IsolationEndedV1,
        IsolationPlacedV1,
        IsolationWaitlistedV1,
      ] as const),
      {
        PersonRegistered: (event) => tracing.personRegistered(event),
        PersonUpdated: (event) => tracing.personRegistered(event),
        PersonsMerged: (event) => tracing.personsMerged(event),
        PersonIdentified: (event) => tracing.personIdentified(event),
        ContactIdentificationAmbiguous: (event) => tasks.identificationAmbiguous(event),
        PersonTestResulted: (event) => tracing.personResulted(event),
        PersonTestResultAmended: (event) => tracing.resultAmended(event),
        ContactRecorded: (event) =>
          tracing.carryOn(event.id, event.data.sourcePersonId, origin(event), [event.data.contactId]),
        PersonClassified: async (event) => {
          await tracing.carryOn(event.id, event.data.personId, origin(event));
          await tasks.personClassified(event);
        },
        CaseConfirmed: async (event) => {
          await tasks.caseConfirmed(event);
          await logs.caseConfirmed(event);
        },
        IsolationOrdered: (event) => placement.orderIssued(event),
        IsolationEnded: (event) => placement.orderEnded(event),
        IsolationPlaced: (event) =>
          tracing.notePlacement(
            event.data.personId,
            event.data.orderId,
            { facilityId: event.data.facilityId, facilityName: event.data.facilityName },
            origin(event),
          ),
        IsolationWaitlisted: (event) =>
          tracing.notePlacement(event.data.personId, event.data.orderId, 'waitlisted', origin(event)),
      },
    ),
  });

  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, what: string, run: () => Promise<unknown>): void => {
    if (ms <= 0) return;
    const timer = setInterval(() => {
      run().catch((error: unknown) => {
        logger.error({ err: error }, `${what} failed; it runs again in ${ms} ms`);
      });
    }, ms);
    timer.unref();
    timers.push(timer);
  };
  every(config.RELEASE_SWEEP_MS, 'release sweep', () => tracing.releaseDue());
  every(config.RULES_REFRESH_MS, 'rule set refresh', () => rules.refresh());

  const server = createGrpcServer({
    logger,
    auth: {
      key: signingKeyOrDevelopment(config.AUTH_SIGNING_KEY, (m) => {
        logger.warn(m);
      }),
    },
  });
  const cases = loadGrpcObject<CasesProto>('truyvet/cases/v1/cases.proto').truyvet.cases.v1;
  const handlers = caseGraphHandlers(
    { tracing, tasks, placement, logs, views, rules },
    canThoAdminUnits(),
    now,
  );
  server.addService(cases.Cases.service, handlers.cases);
  server.addService(cases.Contacts.service, handlers.contacts);
  server.addService(cases.Isolation.service, handlers.isolation);
  server.addService(cases.Tracing.service, handlers.tracing);
  server.addService(cases.Rules.service, handlers.rules);
  const grpcPort = await server.start(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ grpcPort, mode: config.TRUYVET_MODE }, 'case-graph serving');

  let stopping: Promise<void> | undefined;
  return {
    grpcPort,
    releaseDue: () => tracing.releaseDue(),
    stop: () => {
      stopping ??= (async () => {
        for (const timer of timers) clearInterval(timer);
        await server.stop(5_000); // no new requests; in-flight ones finish
        await subscription.stop(); // the event in hand is applied and committed
        await relay.stop(); // the last events go out
        await adapters.close();
      })();
      return stopping;
    },
  };
}
