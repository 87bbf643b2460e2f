import { eventHandler, type Bus } from '@truyvet/bus';
import {
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
import { loadGrpcObject } from '@truyvet/grpc';
import type { CasesProto } from '@truyvet/grpc/cases';
import type { Logger } from '@truyvet/log';
import { defaultTracingRuleBook, type TracingRuleBook } from '@truyvet/rules';
import { startService, type ServiceHost, type StoreOptions } from '@truyvet/service';
import { KeyIndex, type AggregateStore, type KeyIndexState, type OutboxSource } from '@truyvet/store';
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
import { TracingDesk, type ReleaseSweep } from './app/tracing';
import { GraphViews } from './app/views';
import { inMemoryStates, mongoStates, type States } from './adapters/documents';
import { caseGraphHandlers } from './adapters/grpc';
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
import { CASE_GRAPH_ACCESS } from './access';
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
  releaseDue(): Promise<ReleaseSweep>;
  stop(): Promise<void>;
}

type Store<S> = AggregateStore<S> & OutboxSource;

interface Adapters {
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
}

/** An aggregate store, and the queries on its heads, which each mode answers its own way. */
function withStates<S>(
  stores: ServiceHost['stores'],
  name: string,
  options: StoreOptions,
): { store: Store<S>; states: States<S> } {
  if (stores.kind === 'mongo') {
    const store = stores.aggregates<S>(name, options);
    return { store, states: mongoStates(store) };
  }
  const store = stores.aggregates<S>(name, options);
  return { store, states: inMemoryStates(store) };
}

function modeAdapters(host: ServiceHost): Adapters {
  const states = <S>(name: string, options: StoreOptions) => withStates<S>(host.stores, name, options);
  const records = states<TracingRecord>(RECORDS, { outbox: true });
  const facilities = states<FacilityState>(FACILITIES, { outbox: true });
  const waiting = states<WaitingEntry>(WAITING, { outbox: true });
  const tasks = states<TracingTask>(TASKS, {});
  const ruleSets = states<StoredRuleSet>(RULE_SETS, {});
  const directoryDocs = host.documents<DirectoryEntry>(DIRECTORY);
  // The household index is written before the directory entries it files: a reader may take a
  // headless key for none (see KeyIndex).
  const households = new KeyIndex(host.aggregates<KeyIndexState>(HOUSEHOLD_MEMBERS, { superset: true }));
  return {
    records: records.store,
    facilities: facilities.store,
    waiting: waiting.store,
    tasks: tasks.store,
    ruleSets: ruleSets.store,
    households: host.aggregates(HOUSEHOLDS),
    recordQueries: recordQueries(records.states),
    facilityQueries: facilityQueries(facilities.states),
    waitingQueries: waitingQueries(waiting.states),
    taskQueries: taskQueries(tasks.states),
    ruleSetQueries: ruleSetQueries(ruleSets.states),
    directory: personDirectory(directoryDocs, households),
    buildIndexes: () => buildHouseholdIndex(directoryDocs, households),
    results: resultLog(host.documents(RESULT_LOG)),
    logs: exposureLogs(host.documents(VISITS), host.documents(PROXIMITY)),
  };
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
  const host = await startService(config, {
    name: 'case-graph',
    bus: options.bus,
    logger: options.logger,
    units: canThoAdminUnits(),
    access: CASE_GRAPH_ACCESS,
  });
  const adapters = modeAdapters(host);
  await host.applyIndexes(caseGraphIndexes);
  await adapters.buildIndexes();
  host.relayOutbox([adapters.records, adapters.facilities, adapters.waiting]);

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
    async (personId, orderId) => {
      const order = (await tracing.getRecord(personId))?.state.orders.find((o) => o.orderId === orderId);
      return order ? order.status === 'active' : undefined;
    },
  );
  const logs = new ExposureLogDesk(adapters.logs, adapters.records, tasks);
  const views = new GraphViews(adapters.records, adapters.recordQueries);

  const origin = (event: { id: string; correlationId: string }) => ({
    correlationId: event.correlationId,
    causationId: event.id,
  });
  await host.consume({
    groupId: config.CONSUMER_GROUP,
    topics: [topics.persons.topic, topics.labResults.topic, topics.cases.topic, topics.isolation.topic],
    // Every handler is idempotent on natural keys (a result id, a record version, a task or order
    // id), so no dedup store: on FerretDB its lookup per event would scan a growing collection.
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
            event.occurredAt,
            origin(event),
          ),
        IsolationWaitlisted: (event) =>
          tracing.notePlacement(
            event.data.personId,
            event.data.orderId,
            'waitlisted',
            event.occurredAt,
            origin(event),
          ),
      },
    ),
  });

  const releaseDue = (): Promise<ReleaseSweep> => tasks.releaseDue();
  host.every(config.RELEASE_SWEEP_MS, 'release sweep', releaseDue);
  host.every(config.RULES_REFRESH_MS, 'rule set refresh', () => rules.refresh());

  const cases = loadGrpcObject<CasesProto>('truyvet/cases/v1/cases.proto').truyvet.cases.v1;
  const handlers = caseGraphHandlers(
    { tracing, tasks, placement, logs, views, rules },
    canThoAdminUnits(),
    now,
  );
  const grpcPort = await host.serve((server) => {
    server.addService(cases.Cases.service, handlers.cases);
    server.addService(cases.Contacts.service, handlers.contacts);
    server.addService(cases.Isolation.service, handlers.isolation);
    server.addService(cases.Tracing.service, handlers.tracing);
    server.addService(cases.Rules.service, handlers.rules);
  });

  return { grpcPort, releaseDue, stop: host.stop };
}
