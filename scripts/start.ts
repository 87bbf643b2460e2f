/**
 * `npm start`: the four services in one process, a demo mass-testing round through their gRPC
 * APIs, the report it makes; then the APIs keep serving (Ctrl-C stops them). Embedded by default
 * (in-memory bus and stores: no Kafka, no MongoDB); TRUYVET_MODE=real runs the same services on
 * KAFKA_BROKERS and MONGODB_URI. DEMO_EXIT=1 stops after the report.
 */
import { z } from 'zod';
import { env, loadConfigOrExit } from '@truyvet/config';
import { DEV_SIGNING_KEY, issueToken } from '@truyvet/grpc';
import { canThoAdminUnits } from '@truyvet/geo';
import { runQuickStart } from './quick-start';

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
      // The printout is the quick start's interface; LOG_LEVEL=info shows the services' logs too.
      LOG_LEVEL: env.logLevel().default('error'),
    })
    .refine((c) => c.TRUYVET_MODE === 'embedded' || (c.KAFKA_BROKERS && c.MONGODB_URI), {
      message:
        'TRUYVET_MODE=real needs KAFKA_BROKERS and MONGODB_URI (deploy/local/up.sh --print-env gives them)',
      path: ['TRUYVET_MODE'],
    }),
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
  const result = await runQuickStart({
    mode: config.TRUYVET_MODE,
    ...(config.KAFKA_BROKERS ? { kafkaBrokers: config.KAFKA_BROKERS } : {}),
    ...(config.MONGODB_URI ? { mongoUri: config.MONGODB_URI } : {}),
    databasePrefix: `truyvet-quickstart-${tag}`,
    host: '127.0.0.1',
    logLevel: config.LOG_LEVEL,
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
  console.log(`\nDemo done in ${(result.elapsedMs / 1000).toFixed(1)} s.`);
  if (config.DEMO_EXIT === '1') {
    await result.services.stop();
    return;
  }
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
      `  grpcurl -plaintext -H "authorization: Bearer $TOKEN" -d '{"personId":"${result.summary.cascadePersonId}"}' ` +
      `127.0.0.1:${ports.cases} truyvet.cases.v1.Cases/GetChain`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the services...`);
    result.services.stop().then(
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
