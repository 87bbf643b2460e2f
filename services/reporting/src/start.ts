import type { Bus } from '@truyvet/bus';
import { allTopics } from '@truyvet/events';
import { canThoAdminUnits, type AdminUnits } from '@truyvet/geo';
import { loadGrpcObject } from '@truyvet/grpc';
import type { ReportsProto } from '@truyvet/grpc/reports';
import type { Logger } from '@truyvet/log';
import { defaultRiskRuleBook, defaultRuleBook, type RiskRuleBook, type RuleBook } from '@truyvet/rules';
import { startService } from '@truyvet/service';
import type { IndexDeclaration } from '@truyvet/store';
import { reportHandlers } from './adapters/grpc-reports';
import type { FactCollections } from './app/ports';
import { Projection } from './app/projection';
import { ReportDesk } from './app/reports';
import { REPORTING_ACCESS } from './access';
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
  const units = options.units ?? canThoAdminUnits();
  const host = await startService(config, {
    name: 'reporting',
    bus: options.bus,
    logger: options.logger,
    units,
    access: REPORTING_ACCESS,
  });
  const facts = Object.fromEntries(
    FACT_KINDS.map((kind) => [kind, host.documents(collectionName(kind))]),
  ) as unknown as FactCollections;
  await host.applyIndexes(reportingIndexes);
  const now = options.now ?? (() => new Date());
  const desk = new ReportDesk(
    facts,
    units,
    options.riskRules ?? defaultRiskRuleBook(),
    options.labRules ?? defaultRuleBook(),
    now,
  );
  await host.consume({
    groupId: config.CONSUMER_GROUP,
    // Every stream: the figures come from all of them. Each fact is written by the events of one
    // key and evolves idempotently: no dedup store needed.
    topics: REPORTED_TOPICS,
    handler: foldEvents(new Projection(facts)),
  });

  const reports = loadGrpcObject<ReportsProto>('truyvet/reports/v1/reports.proto').truyvet.reports.v1;
  const grpcPort = await host.serve((server) => {
    server.addService(reports.Reports.service, reportHandlers(desk).reports);
  });

  return { grpcPort, reports: desk, stop: host.stop };
}
