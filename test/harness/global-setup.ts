/**
 * Finds real servers for the integration and e2e suites, in this order:
 *   1. KAFKA_BROKERS and MONGODB_URI from the environment (CI sets them after deploy/local starts the servers);
 *   2. testcontainers, when a Docker engine answers;
 *   3. deploy/local: installs (cached) and starts Kafka and FerretDB on test ports, stopped again at teardown.
 * When none works the suites skip loudly, unless REQUIRE_INFRA=1, which makes that a failure.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { INFRA_ENV, INFRA_UNAVAILABLE_ENV, securedFrom, type Infra } from './infra';
import { setTeardown } from './teardown-registry';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '../..');

// Test servers get their own ports and data directory, so a developer's own servers keep running.
export const testServerEnv = {
  KAFKA_PORT: process.env.TRUYVET_TEST_KAFKA_PORT ?? '29092',
  KAFKA_CONTROLLER_PORT: process.env.TRUYVET_TEST_KAFKA_CONTROLLER_PORT ?? '29093',
  FERRETDB_PORT: process.env.TRUYVET_TEST_FERRETDB_PORT ?? '27027',
  TRUYVET_LOCAL_DIR: path.join(repoRoot, '.local/test-servers'),
};

export default async function globalSetup(): Promise<void> {
  if (process.env[INFRA_ENV]) return; // another jest project already resolved it
  const problems: string[] = [];
  const infra =
    (await fromEnvironment(problems)) ??
    (await fromTestcontainers(problems)) ??
    (await fromDeployLocal(problems));
  if (infra) {
    process.env[INFRA_ENV] = JSON.stringify(infra);
    process.stderr.write(
      `\n[test infra] ${infra.source}: kafka ${infra.kafkaBrokers.join(',')} (${infra.versions.kafka ?? '?'}), ` +
        `mongo ${infra.mongoUri} (${infra.versions.mongo ?? '?'})\n`,
    );
    return;
  }
  const reason = problems.join('; ');
  if (process.env.REQUIRE_INFRA === '1') {
    throw new Error(`REQUIRE_INFRA=1 and no real Kafka/MongoDB-wire server could be had: ${reason}`);
  }
  process.env[INFRA_UNAVAILABLE_ENV] = reason;
  process.stderr.write(
    `\n*** [test infra] NO REAL SERVERS: integration and e2e suites will be SKIPPED.\n*** ${reason}\n`,
  );
}

async function fromEnvironment(problems: string[]): Promise<Infra | undefined> {
  const brokers = process.env.KAFKA_BROKERS;
  const mongoUri = process.env.MONGODB_URI;
  if (!brokers && !mongoUri) return undefined;
  if (!brokers || !mongoUri) {
    problems.push('set both KAFKA_BROKERS and MONGODB_URI, or neither');
    return undefined;
  }
  const kafkaBrokers = brokers.split(',').map((b) => b.trim());
  try {
    const secured = securedFrom(process.env);
    return {
      kafkaBrokers,
      mongoUri,
      source: 'environment',
      versions: await checkServers(kafkaBrokers, mongoUri),
      ...(secured ? { secured } : {}),
    };
  } catch (error) {
    problems.push(`KAFKA_BROKERS/MONGODB_URI given but not answering: ${String(error)}`);
    return undefined;
  }
}

async function fromTestcontainers(problems: string[]): Promise<Infra | undefined> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
  } catch (error) {
    problems.push(`no Docker engine for testcontainers (${firstLine(error)})`);
    return undefined;
  }
  try {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const { MongoDBContainer } = await import('@testcontainers/mongodb');
    const [kafka, mongo] = await Promise.all([
      new KafkaContainer('confluentinc/cp-kafka:7.7.1').withKraft().start(),
      new MongoDBContainer('mongo:7').start(),
    ]);
    setTeardown(async () => {
      await Promise.all([kafka.stop(), mongo.stop()]);
    });
    const kafkaBrokers = [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`];
    const mongoUri = `${mongo.getConnectionString()}/?directConnection=true`;
    return {
      kafkaBrokers,
      mongoUri,
      source: 'testcontainers',
      versions: await checkServers(kafkaBrokers, mongoUri),
    };
  } catch (error) {
    // e.g. an image that cannot be pulled: fall back to deploy/local rather than abort the run
    problems.push(`testcontainers could not start the servers (${firstLine(error)})`);
    return undefined;
  }
}

async function fromDeployLocal(problems: string[]): Promise<Infra | undefined> {
  const env = { ...process.env, ...testServerEnv };
  try {
    process.stderr.write(
      '\n[test infra] starting Kafka and FerretDB with deploy/local (first run installs them)...\n',
    );
    await run('bash', ['deploy/local/down.sh', '--wipe'], { cwd: repoRoot, env });
    const { stdout } = await run('bash', ['deploy/local/up.sh', '--print-env'], {
      cwd: repoRoot,
      env,
      maxBuffer: 1 << 20,
    });
    setTeardown(async () => {
      await run('bash', ['deploy/local/down.sh'], { cwd: repoRoot, env });
    });
    const vars = Object.fromEntries(
      stdout
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()]),
    );
    const kafkaBrokers = (vars.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
    const mongoUri = vars.MONGODB_URI ?? '';
    const secured = securedFrom(vars);
    return {
      kafkaBrokers,
      mongoUri,
      source: 'deploy/local',
      versions: await checkServers(kafkaBrokers, mongoUri),
      ...(secured ? { secured } : {}),
    };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    problems.push(
      `deploy/local could not start the servers: ${firstLine(error)}\n${stderr.split('\n').slice(-15).join('\n')}`,
    );
    return undefined;
  }
}

/** Both servers must really answer; returns what they say their versions are. */
async function checkServers(kafkaBrokers: string[], mongoUri: string): Promise<Infra['versions']> {
  const kafka = new Kafka({
    clientId: 'truyvet-test-setup',
    brokers: kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const cluster = await admin.describeCluster();
  await admin.disconnect();
  const client = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 10_000 });
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    const ferret = typeof info.ferretdbVersion === 'string' ? ` (FerretDB ${info.ferretdbVersion})` : '';
    return {
      kafka: `${cluster.brokers.length} broker(s), controller ${cluster.controller ?? '?'}`,
      mongo: `MongoDB wire ${String(info.version)}${ferret}`,
    };
  } finally {
    await client.close();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
