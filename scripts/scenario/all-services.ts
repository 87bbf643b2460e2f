/**
 * The four services in one process: embedded on one in-memory bus (no Kafka, no MongoDB), or on
 * real Kafka and MongoDB, each service with its own database, as in production.
 */
import { ON_A_TEST_MACHINE } from '../../test/harness/one-machine';
import { InMemoryBus, type Bus } from '@truyvet/bus';
import { configSchema as caseGraphConfig, start as startCaseGraph } from '@truyvet/case-graph';
import { configSchema as labConfig, start as startLab } from '@truyvet/lab-results';
import { createLogger, type Logger } from '@truyvet/log';
import {
  configSchema as reportingConfig,
  start as startReporting,
  type ReportDesk,
} from '@truyvet/reporting';
import { configSchema as samplesConfig, start as startSamples } from '@truyvet/sample-collection';
import type { ServicePorts } from './clients';

export interface AllServicesOptions {
  mode: 'embedded' | 'real';
  kafkaBrokers?: readonly string[];
  mongoUri?: string;
  /** Database names are `<prefix>-<service>`. */
  databasePrefix?: string;
  /** 0 picks free ports. */
  ports?: Partial<ServicePorts>;
  host?: string;
  logLevel?: string;
  logger?: Logger;
  /** More configuration every service gets (e.g. GRPC_MAX_STREAM_ITEMS). */
  settings?: Readonly<Record<string, string | number>>;
}

export interface AllServices {
  ports: ServicePorts;
  reports: ReportDesk;
  stop(): Promise<void>;
}

export async function startAllServices(options: AllServicesOptions): Promise<AllServices> {
  const real = options.mode === 'real';
  const prefix = options.databasePrefix ?? 'truyvet';
  const common = {
    TRUYVET_MODE: options.mode,
    GRPC_HOST: options.host ?? '127.0.0.1',
    LOG_LEVEL: options.logLevel ?? 'warn',
    ...options.settings,
    ...(real
      ? {
          KAFKA_BROKERS: (options.kafkaBrokers ?? []).join(','),
          MONGODB_URI: options.mongoUri,
          // The quick start's own key: say so rather than pretend it is a secret.
          ...ON_A_TEST_MACHINE,
        }
      : {}),
  };
  const db = (service: string) => (real ? { MONGODB_DB: `${prefix}-${service}` } : {});
  const port = (name: keyof ServicePorts, fallback: number) => ({
    GRPC_PORT: options.ports?.[name] ?? fallback,
  });
  // Embedded, the services share one in-memory bus; on real servers each has its own Kafka client.
  const bus: Bus | undefined = real
    ? undefined
    : new InMemoryBus({
        logger: options.logger ?? createLogger({ name: 'memory-bus', level: options.logLevel ?? 'warn' }),
      });
  const shared = { ...(bus ? { bus } : {}), ...(options.logger ? { logger: options.logger } : {}) };
  const started: Array<{ stop(): Promise<void> }> = [];
  try {
    const samples = await startSamples(
      samplesConfig.parse({
        ...common,
        ...db('sample-collection'),
        ...port('samples', 50051),
        ...(real ? { PERSON_ID_SECRET: `${prefix}-quick-start-person-ids` } : {}),
      }),
      shared,
    );
    started.push(samples);
    const lab = await startLab(
      labConfig.parse({ ...common, ...db('lab-results'), ...port('lab', 50052) }),
      shared,
    );
    started.push(lab);
    const cases = await startCaseGraph(
      caseGraphConfig.parse({ ...common, ...db('case-graph'), ...port('cases', 50053) }),
      shared,
    );
    started.push(cases);
    const reporting = await startReporting(
      reportingConfig.parse({ ...common, ...db('reporting'), ...port('reports', 50054) }),
      shared,
    );
    started.push(reporting);
    return {
      ports: {
        samples: samples.grpcPort,
        lab: lab.grpcPort,
        cases: cases.grpcPort,
        reports: reporting.grpcPort,
      },
      reports: reporting.reports,
      stop: async () => {
        for (const service of started.reverse()) await service.stop();
        await bus?.close();
      },
    };
  } catch (error) {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    await bus?.close();
    throw error;
  }
}
