import { InMemoryBus, KafkaBus, type Bus, type Subscription } from '@truyvet/bus';
import { allTopics } from '@truyvet/events';
import { canThoAdminUnits, type AdminUnits } from '@truyvet/geo';
import { createGrpcServer, loadGrpcObject, signingKeyOrDevelopment } from '@truyvet/grpc';
import type { ReportsProto } from '@truyvet/grpc/reports';
import { createLogger, type Logger } from '@truyvet/log';
import { defaultRiskRuleBook, defaultRuleBook, type RiskRuleBook, type RuleBook } from '@truyvet/rules';
import {
  applyIndexes,
  connectMongo,
  InMemoryDocuments,
  MongoDocuments,
  type IndexDeclaration,
} from '@truyvet/store';
import { reportHandlers } from './adapters/grpc-reports';
import type { FactCollections } from './app/ports';
import { Projection } from './app/projection';
import { ReportDesk } from './app/reports';
import type { Config } from './config';
import { foldEvents } from './adapters/consumer';
import { FACT_KINDS } from './domain/facts';

export const SERVICES = ['truyvet.reports.v1.Reports'] as const;
export const REPORTED_TOPICS = allTopics.map((t) => t.topic);

export interface Running {
  grpcPort: number;
  /** The report desk itself (the quick start prints from it). */
  reports: ReportDesk;
  stop(): Promise<void>;
}

/** Facts that figures select by place. */
const PLACED = ['cases', 'orders', 'samples', 'results', 'doseTallies', 'doseChanges'] as const;
const collectionName = (kind: string): string => `facts.${kind}`;

/** The indexes reporting declares (also for loaders that fill its facts directly). */
export const reportingIndexes: IndexDeclaration[] = PLACED.map((kind) => ({
  collection: collectionName(kind),
  indexes: [{ key: { districtCode: 1 }, name: 'by_district' }],
}));

interface Adapters {
  bus: Bus;
  facts: FactCollections;
  close: () => Promise<void>;
}

async function realAdapters(
  config: Config,
  brokers: string[],
  uri: string,
  logger: Logger,
  shared?: Bus,
): Promise<Adapters> {
  const bus =
    shared ??
    new KafkaBus({
      brokers,
      clientId: 'reporting',
      logger,
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    });
  const mongo = await connectMongo(uri, config.MONGODB_DB, { appName: 'reporting', logger });
  await applyIndexes(mongo.db, reportingIndexes);
  const facts = Object.fromEntries(
    FACT_KINDS.map((kind) => [kind, new MongoDocuments(mongo.db, collectionName(kind))]),
  ) as unknown as FactCollections;
  return {
    bus,
    facts,
    close: async () => {
      if (!shared) await bus.close();
      await mongo.close();
    },
  };
}

function embeddedAdapters(logger: Logger, shared?: Bus): Adapters {
  const bus = shared ?? new InMemoryBus({ logger });
  const facts = Object.fromEntries(
    FACT_KINDS.map((kind) => [kind, new InMemoryDocuments()]),
  ) as unknown as FactCollections;
  return {
    bus,
    facts,
    close: async () => {
      if (!shared) await bus.close();
    },
  };
}

/**
 * Starts the service: the fact collections, the consumer that folds every stream the figures come
 * from, and the gRPC API. It writes no events, so it has no outbox.
 */
export async function start(
  config: Config,
  options: {
    bus?: Bus;
    logger?: Logger;
    now?: () => Date;
    riskRules?: RiskRuleBook;
    labRules?: RuleBook;
    units?: AdminUnits;
  } = {},
): Promise<Running> {
  const logger = options.logger ?? createLogger({ name: 'reporting', level: config.LOG_LEVEL });
  const adapters =
    config.TRUYVET_MODE === 'real' && config.KAFKA_BROKERS && config.MONGODB_URI
      ? await realAdapters(config, config.KAFKA_BROKERS, config.MONGODB_URI, logger, options.bus)
      : embeddedAdapters(logger, options.bus);
  const { bus } = adapters;
  await bus.ensureTopics(allTopics);
  const now = options.now ?? (() => new Date());
  const desk = new ReportDesk(
    adapters.facts,
    options.units ?? canThoAdminUnits(),
    options.riskRules ?? defaultRiskRuleBook(),
    options.labRules ?? defaultRuleBook(),
    now,
  );
  const subscription: Subscription = await bus.subscribe({
    groupId: config.CONSUMER_GROUP,
    // Every stream: the figures come from all of them.
    topics: REPORTED_TOPICS,
    // Each fact is written by the events of one key and evolves idempotently: no dedup store needed.
    partitionsConsumedConcurrently: config.CONSUMER_PARTITIONS_AT_ONCE,
    // Several keys of a partition at once: a batch's store round trips overlap (ADR 13).
    keysConsumedConcurrently: config.CONSUMER_KEYS_AT_ONCE,
    handler: foldEvents(new Projection(adapters.facts)),
  });

  const server = createGrpcServer({
    logger,
    auth: {
      key: signingKeyOrDevelopment(config.AUTH_SIGNING_KEY, (m) => {
        logger.warn(m);
      }),
    },
  });
  const reports = loadGrpcObject<ReportsProto>('truyvet/reports/v1/reports.proto').truyvet.reports.v1;
  server.addService(reports.Reports.service, reportHandlers(desk).reports);
  const grpcPort = await server.start(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ grpcPort, mode: config.TRUYVET_MODE }, 'reporting serving');

  let stopping: Promise<void> | undefined;
  return {
    grpcPort,
    reports: desk,
    stop: () => {
      stopping ??= (async () => {
        await server.stop(5_000);
        await subscription.stop();
        await adapters.close();
      })();
      return stopping;
    },
  };
}
