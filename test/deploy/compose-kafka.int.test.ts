/**
 * deploy/compose.yaml's broker, run for real: deploy/compose/secrets.sh makes the secrets and
 * deploy/compose/kafka.sh starts Apache Kafka with them (on this machine's Kafka jars, the version
 * the compose file's image carries), as the compose file runs it, only on 127.0.0.1 and free ports.
 * Each service's SCRAM user reaches the SASL_SSL listener with the password deploy/.env gives it;
 * a wrong password, a client without TLS and one without SASL are refused.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { parse } from 'yaml';
import { describeWithInfra, uniqueName } from '../harness';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const SERVICES = ['sample-collection', 'lab-results', 'case-graph', 'reporting'];
const passwordVariable = (service: string) => `${service.toUpperCase().replace(/-/g, '_')}_KAFKA_PASSWORD`;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** deploy/.env's lines (KEY=value, the value maybe in single quotes). */
function readEnv(file: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1).replace(/^'(.*)'$/, '$1')];
      }),
  );
}

describeWithInfra("deploy/compose's broker: SASL_SSL with a SCRAM user per service", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truyvet-compose-'));
  let env: Record<string, string>;
  let broker: ChildProcess | undefined;
  let output = '';
  let address: string;
  const clients: Array<{ disconnect(): Promise<void> }> = [];

  const kafka = (link: Omit<KafkaConfig, 'brokers'>) =>
    new Kafka({
      brokers: [address],
      clientId: uniqueName('compose'),
      logLevel: logLevel.NOTHING,
      connectionTimeout: 5_000,
      authenticationTimeout: 5_000,
      ...link,
    });
  const ssl = () => ({ ca: [fs.readFileSync(path.join(dir, 'secrets/tls/ca.crt'), 'utf8')] });
  const scram = (username: string, password: string) => ({
    mechanism: 'scram-sha-512' as const,
    username,
    password,
  });

  beforeAll(async () => {
    await run('bash', [path.join(ROOT, 'deploy/compose/secrets.sh'), dir]);
    env = readEnv(path.join(dir, '.env'));
    const libs = (await run('bash', [path.join(ROOT, 'deploy/local/kafka.sh'), 'libs'])).stdout.trim();
    // The broker's environment as deploy/compose.yaml gives it, with the secrets of deploy/.env.
    const compose = parse(fs.readFileSync(path.join(ROOT, 'deploy/compose.yaml'), 'utf8'), {
      merge: true,
    }) as {
      services: { kafka: { environment: Record<string, string> } };
    };
    const fromCompose = Object.fromEntries(
      Object.entries(compose.services.kafka.environment).map(([key, value]) => [
        key,
        value.replace(/\$\{([A-Z_]+):\?[^}]*\}/g, (_all, name: string) => env[name] ?? ''),
      ]),
    );
    const port = await freePort();
    address = `127.0.0.1:${port}`;
    const started = spawn('bash', [path.join(ROOT, 'deploy/compose/kafka.sh')], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...fromCompose,
        KAFKA_HEAP_OPTS: '-Xmx256m',
        KAFKA_CLASSPATH: `${libs}/*`,
        KAFKA_ADVERTISED_HOST: '127.0.0.1',
        KAFKA_PORT: String(port),
        KAFKA_CONTROLLER_PORT: String(await freePort()),
        KAFKA_LOOPBACK_PORT: String(await freePort()),
        KAFKA_DATA_DIR: path.join(dir, 'data'),
        KAFKA_TLS_DIR: path.join(dir, 'secrets/tls'),
        KAFKA_STATE_DIR: path.join(dir, 'state'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    broker = started;
    started.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    started.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    const deadline = Date.now() + 150_000;
    while (!fs.existsSync(path.join(dir, 'state/users-ready'))) {
      if (started.exitCode !== null || Date.now() > deadline)
        throw new Error(`deploy/compose/kafka.sh did not get ready:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) await client.disconnect().catch(() => undefined);
    const started = broker;
    if (started?.pid && started.exitCode === null) {
      const ended = new Promise((resolve) => started.once('exit', resolve));
      process.kill(-started.pid, 'SIGTERM');
      const stopped = await Promise.race([
        ended.then(() => true),
        new Promise<boolean>((resolve) => {
          setTimeout(() => {
            resolve(false);
          }, 30_000);
        }),
      ]);
      if (!stopped) process.kill(-started.pid, 'SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('lets each service in with its own user and password, to make a topic, send and read', async () => {
    const topic = uniqueName('compose-link');
    const admin = kafka({
      ssl: ssl(),
      sasl: scram('sample-collection', env[passwordVariable('sample-collection')] ?? ''),
    }).admin();
    clients.push(admin);
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    for (const service of SERVICES) {
      const password = env[passwordVariable(service)];
      expect(password).toMatch(/^[0-9a-f]{48}$/);
      const producer = kafka({ ssl: ssl(), sasl: scram(service, password ?? '') }).producer();
      clients.push(producer);
      await producer.connect();
      await producer.send({ topic, messages: [{ key: service, value: `from ${service}` }] });
    }
    const consumer = kafka({
      ssl: ssl(),
      sasl: scram('reporting', env[passwordVariable('reporting')] ?? ''),
    }).consumer({
      groupId: uniqueName('compose-group'),
    });
    clients.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const heard: string[] = [];
    await consumer.run({
      eachMessage: ({ message }) => {
        heard.push(message.value?.toString() ?? '');
        return Promise.resolve();
      },
    });
    const deadline = Date.now() + 60_000;
    while (heard.length < SERVICES.length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard.sort()).toEqual(SERVICES.map((s) => `from ${s}`).sort());
  }, 120_000);

  it('refuses a wrong password, a user it does not know, a client without TLS and one without SASL', async () => {
    const refused = async (link: Omit<KafkaConfig, 'brokers'>) => {
      const admin = kafka({ ...link, retry: { retries: 0 } }).admin();
      clients.push(admin);
      await expect(admin.connect().then(() => admin.listTopics())).rejects.toThrow();
    };
    const right = env[passwordVariable('case-graph')] ?? '';
    await refused({ ssl: ssl(), sasl: scram('case-graph', `${right}x`) });
    await refused({ ssl: ssl(), sasl: scram('console', right) });
    await refused({ sasl: scram('case-graph', right) });
    await refused({ ssl: ssl() });
  }, 120_000);
});
