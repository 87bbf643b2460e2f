import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { canThoAdminUnits } from '@truyvet/geo';
import { channelCredentialsFromFiles, signingKeyFor } from '@truyvet/grpc';
import { createLogger, type Logger } from '@truyvet/log';
import { connectMongo } from '@truyvet/store';
import { AccountDesk, type SessionStore, type UserStore } from './app/accounts';
import { GrpcAuditApi } from './adapters/audit';
import { GrpcCaseGraph } from './adapters/cases';
import { GrpcLabApi } from './adapters/lab';
import { GrpcPersonApi } from './adapters/persons';
import { GrpcReportApi } from './adapters/reports';
import { GrpcSampleApi } from './adapters/samples';
import { createGateway } from './adapters/http';
import {
  InMemorySessionStore,
  InMemoryUserStore,
  MongoSessionStore,
  MongoUserStore,
} from './adapters/stores';
import { areaExists } from './areas';
import type { Config } from './config';

/** Where `npm run build:console` puts the pages. */
export const BUILT_PAGES = path.resolve(__dirname, '../web/dist');

export interface Running {
  port: number;
  accounts: AccountDesk;
  stop(): Promise<void>;
}

/** Users to create where their usernames are free (the quick start's demo accounts). */
export type StartingUsers = Parameters<AccountDesk['ensureUsers']>[0];

export async function start(
  config: Config,
  options: { users?: StartingUsers; logger?: Logger } = {},
): Promise<Running> {
  const logger = options.logger ?? createLogger({ name: 'console', level: config.LOG_LEVEL });
  let users: UserStore;
  let sessions: SessionStore;
  let closeStore = (): Promise<void> => Promise.resolve();
  if (config.TRUYVET_MODE === 'real') {
    const mongo = await connectMongo(config.MONGODB_URI ?? '', config.MONGODB_DB, {
      appName: 'console',
      logger,
    });
    users = new MongoUserStore(mongo.db);
    sessions = new MongoSessionStore(mongo.db);
    closeStore = () => mongo.close();
  } else {
    users = new InMemoryUserStore();
    sessions = new InMemorySessionStore();
  }
  const accounts = new AccountDesk(users, sessions, areaExists(canThoAdminUnits()));
  const first: StartingUsers = config.CONSOLE_ADMIN_PASSWORD
    ? [
        {
          username: 'admin',
          displayName: 'Quản trị hệ thống',
          password: config.CONSOLE_ADMIN_PASSWORD,
          role: 'admin',
          jurisdiction: { level: 'city', code: canThoAdminUnits().province.code },
          createdBy: 'install',
        },
      ]
    : [];
  const created = await accounts.ensureUsers([...first, ...(options.users ?? [])]);
  if (created.length > 0) logger.info({ users: created }, 'users created');

  const key = signingKeyFor(
    {
      key: config.AUTH_SIGNING_KEY,
      real: config.TRUYVET_MODE === 'real',
      allowDevelopmentKey: config.AUTH_ALLOW_DEVELOPMENT_KEY,
    },
    (message) => {
      logger.warn(message);
    },
  );
  const link = config.GRPC_TLS
    ? channelCredentialsFromFiles({
        caFile: config.GRPC_TLS_CA_FILE,
        certFile: config.GRPC_TLS_CLIENT_CERT_FILE,
        keyFile: config.GRPC_TLS_CLIENT_KEY_FILE,
      })
    : undefined;
  const cases = new GrpcCaseGraph(config.CASE_GRAPH_ADDRESS, key, link);
  const samples = new GrpcSampleApi(config.SAMPLE_COLLECTION_ADDRESS, key, link);
  const persons = new GrpcPersonApi(config.SAMPLE_COLLECTION_ADDRESS, key, link);
  const reports = new GrpcReportApi(config.REPORTING_ADDRESS, key, link);
  const lab = new GrpcLabApi(config.LAB_RESULTS_ADDRESS, key, link);
  const audit = new GrpcAuditApi(
    {
      'sample-collection': config.SAMPLE_COLLECTION_ADDRESS,
      'lab-results': config.LAB_RESULTS_ADDRESS,
      'case-graph': config.CASE_GRAPH_ADDRESS,
      reporting: config.REPORTING_ADDRESS,
    },
    key,
    link,
  );
  const server = createGateway({
    accounts,
    cases,
    persons,
    samples,
    reports,
    lab,
    audit,
    units: canThoAdminUnits(),
    logger,
    secureCookies: config.CONSOLE_SECURE_COOKIES,
    webDir: config.CONSOLE_WEB_DIR ?? BUILT_PAGES,
    ...(config.CONSOLE_TRUSTED_PROXIES ? { trustedProxies: config.CONSOLE_TRUSTED_PROXIES } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.CONSOLE_PORT, config.CONSOLE_HOST, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, mode: config.TRUYVET_MODE }, 'console serving');
  return {
    port,
    accounts,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      cases.close();
      samples.close();
      persons.close();
      reports.close();
      lab.close();
      audit.close();
      await closeStore();
    },
  };
}
