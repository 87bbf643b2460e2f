/**
 * `npm start`: the four services in one process, a demo mass-testing round through their gRPC
 * APIs, the report it makes; then the APIs keep serving (Ctrl-C stops them). Embedded by default
 * (in-memory bus and stores: no Kafka, no MongoDB); TRUYVET_MODE=real runs the same services on
 * KAFKA_BROKERS and MONGODB_URI. DEMO_EXIT=1 stops after the report; DEMO_EMPTY=1 starts them empty.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BUILT_PAGES, configSchema as consoleConfigSchema, start as startConsole } from '@truyvet/console';
import { env, loadConfigOrExit } from '@truyvet/config';
import { DEV_SIGNING_KEY, issueToken } from '@truyvet/grpc';
import { canThoAdminUnits } from '@truyvet/geo';
import { runQuickStart } from './quick-start';
import { startAllServices } from './scenario/all-services';
import { fewestHouseholds } from './scenario/mass-testing';

const config = loadConfigOrExit(
  z
    .object({
      TRUYVET_MODE: env.enumOf(['embedded', 'real'] as const).default('embedded'),
      KAFKA_BROKERS: env.list().optional(),
      MONGODB_URI: env.string().optional(),
      DEMO_DISTRICT: z
        .string()
        .regex(/^\d{3}$/)
        .default('916'),
      DEMO_HOUSEHOLDS: env.positiveInt().default(700),
      DEMO_POSITIVE_HOUSEHOLDS: env.positiveInt().default(7),
      DEMO_EXIT: z.enum(['0', '1']).default('0'),
      /** 1: the services and the console, empty, for one's own data (no demo round). */
      DEMO_EMPTY: z.enum(['0', '1']).default('0'),
      /** The web console, with a demo account per role. */
      DEMO_CONSOLE_PORT: env.port().default(8080),
      // The printout is the quick start's interface; LOG_LEVEL=info shows the services' logs too.
      LOG_LEVEL: env.logLevel().default('error'),
    })
    .refine((c) => c.TRUYVET_MODE === 'embedded' || (c.KAFKA_BROKERS && c.MONGODB_URI), {
      message:
        'TRUYVET_MODE=real needs KAFKA_BROKERS and MONGODB_URI (deploy/local/up.sh --print-env gives them)',
      path: ['TRUYVET_MODE'],
    })
    // Said at once, not after a minute of waiting for a round that cannot finish.
    .refine(
      (c) => c.DEMO_EMPTY === '1' || c.DEMO_HOUSEHOLDS >= fewestHouseholds(c.DEMO_POSITIVE_HOUSEHOLDS),
      {
        message:
          'too few for DEMO_POSITIVE_HOUSEHOLDS: the round traces two negative households per positive one ' +
          'and two more for the second ring (at least 3 × DEMO_POSITIVE_HOUSEHOLDS + 2)',
        path: ['DEMO_HOUSEHOLDS'],
      },
    ),
);

async function main(): Promise<void> {
  const units = canThoAdminUnits();
  const district = units.district(config.DEMO_DISTRICT);
  if (!district)
    throw new Error(`DEMO_DISTRICT ${config.DEMO_DISTRICT} is not a district of ${units.province.name}`);
  const wards = units.wardsOf(district.code).slice(0, 5);
  const real = config.TRUYVET_MODE === 'real';
  console.log(
    real
      ? `truyvet quick start — real servers: Kafka ${config.KAFKA_BROKERS?.join(',') ?? ''}, ${config.MONGODB_URI ?? ''}`
      : 'truyvet quick start — embedded: the four services in one process on an in-memory bus and stores ' +
          '(TRUYVET_MODE=real for Kafka + MongoDB)',
  );
  const tag = String(100 + Math.floor(Math.random() * 900));
  const common = {
    mode: config.TRUYVET_MODE,
    ...(config.KAFKA_BROKERS ? { kafkaBrokers: config.KAFKA_BROKERS } : {}),
    ...(config.MONGODB_URI ? { mongoUri: config.MONGODB_URI } : {}),
    databasePrefix: `truyvet-quickstart-${tag}`,
    host: '127.0.0.1',
    logLevel: config.LOG_LEVEL,
  } as const;
  const result =
    config.DEMO_EMPTY === '1'
      ? { services: await startAllServices(common), summary: undefined, elapsedMs: 0 }
      : await runQuickStart({
          ...common,
          households: config.DEMO_HOUSEHOLDS,
          positiveHouseholds: config.DEMO_POSITIVE_HOUSEHOLDS,
          districtCode: district.code,
          wardCodes: wards.map((w) => w.code),
          tag,
          print: (line) => {
            console.log(line);
          },
        });
  const { ports } = result.services;
  console.log(
    result.summary
      ? `\nDemo done in ${(result.elapsedMs / 1000).toFixed(1)} s.`
      : '\nThe services are up and empty (DEMO_EMPTY=1): no demo round, no demo data.',
  );
  if (config.DEMO_EXIT === '1') {
    await result.services.stop();
    return;
  }
  if (!existsSync(path.join(BUILT_PAGES, 'index.html'))) {
    console.log('\nBuilding the console pages (once)...');
    execFileSync(
      process.execPath,
      [
        path.resolve(__dirname, '../node_modules/vite/bin/vite.js'),
        'build',
        path.resolve(BUILT_PAGES, '..'),
        '--logLevel',
        'warn',
      ],
      {
        stdio: 'inherit',
      },
    );
  }
  const demoPassword = 'truyvet-demo-2021';
  const demoUsers = [
    {
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      role: 'admin',
      jurisdiction: { level: 'city', code: units.province.code },
    },
    {
      username: `tyt-${wards[0]?.code ?? ''}`,
      displayName: `Tổ COVID ${wards[0]?.name ?? ''}`,
      role: 'ward_team',
      jurisdiction: { level: 'ward', code: wards[0]?.code ?? '' },
    },
    {
      username: `ttyt-${district.code}`,
      displayName: `TTYT ${district.name}`,
      role: 'district_center',
      jurisdiction: { level: 'district', code: district.code },
    },
    {
      username: 'ktv-cdc',
      displayName: 'Phòng xét nghiệm CDC Cần Thơ',
      role: 'lab',
      jurisdiction: { level: 'city', code: units.province.code },
    },
    {
      username: 'bcd-can-tho',
      displayName: 'Ban Chỉ đạo thành phố',
      role: 'city',
      jurisdiction: { level: 'city', code: units.province.code },
    },
  ] as const;
  const consoleRunning = await startConsole(
    consoleConfigSchema.parse({
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_PORT: String(config.DEMO_CONSOLE_PORT),
      CASE_GRAPH_ADDRESS: `127.0.0.1:${ports.cases}`,
      SAMPLE_COLLECTION_ADDRESS: `127.0.0.1:${ports.samples}`,
      REPORTING_ADDRESS: `127.0.0.1:${ports.reports}`,
      LAB_RESULTS_ADDRESS: `127.0.0.1:${ports.lab}`,
      LOG_LEVEL: config.LOG_LEVEL,
    }),
    {
      users: demoUsers.map((u) => ({
        ...u,
        jurisdiction: { ...u.jurisdiction },
        password: demoPassword,
        createdBy: 'quick-start',
      })),
    },
  );
  console.log(
    `\nThe web console: http://localhost:${consoleRunning.port}/  (demo password for every account: ${demoPassword})\n` +
      demoUsers
        .map(
          (u) =>
            `  ${u.username.padEnd(16)} ${u.role.padEnd(16)} ${u.jurisdiction.level} ${u.jurisdiction.code}`,
        )
        .join('\n'),
  );
  const token = await issueToken(
    DEV_SIGNING_KEY,
    { sub: 'quick-start', role: 'city', jurisdiction: { level: 'city', code: units.province.code } },
    12 * 3600,
  );
  console.log(
    `\nThe gRPC APIs keep serving (server reflection is on; Ctrl-C stops them):\n` +
      `  sample-collection 127.0.0.1:${ports.samples}   lab-results 127.0.0.1:${ports.lab}   ` +
      `case-graph 127.0.0.1:${ports.cases}   reporting 127.0.0.1:${ports.reports}\n` +
      `A city-level token (development key, 12 h):\n  export TOKEN=${token}\n` +
      `Try:\n  grpcurl -plaintext -H "authorization: Bearer $TOKEN" -d '{"area":{"level":"district","code":"${district.code}"}}' ` +
      `127.0.0.1:${ports.reports} truyvet.reports.v1.Reports/GetDailyReport\n` +
      (result.summary
        ? `  grpcurl -plaintext -H "authorization: Bearer $TOKEN" -d '{"personId":"${result.summary.cascadePersonId}"}' ` +
          `127.0.0.1:${ports.cases} truyvet.cases.v1.Cases/GetChain`
        : ''),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the services...`);
    Promise.all([consoleRunning.stop(), result.services.stop()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
