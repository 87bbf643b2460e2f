/**
 * A service with every link encrypted and its client authenticated, on the real servers: gRPC over
 * mutual TLS, Kafka over SASL_SSL (SCRAM-SHA-512), MongoDB (FerretDB) over TLS with a client
 * certificate. Nothing is waived (no LINKS_UNPROTECTED), as in a real deployment; and each link
 * refuses a client that comes without its protection.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as grpc from '@grpc/grpc-js';
import { KafkaBus, eventHandler } from '@truyvet/bus';
import { EventRegistry, PersonRegisteredV1, topics } from '@truyvet/events';
import {
  channelCredentialsFromFiles,
  createClient,
  issueToken,
  loadGrpcObject,
  unaryCall,
  type Caller,
} from '@truyvet/grpc';
import type { PersonRegistryClient, PersonsProto } from '@truyvet/grpc/samples';
import { configSchema, start, type Running } from '@truyvet/sample-collection';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { describeWithInfra, uniqueName } from '../harness';

const run = promisify(execFile);
const proto = loadGrpcObject<PersonsProto>('truyvet/samples/v1/persons.proto').truyvet.samples.v1;
const DISTRICT: Caller = {
  sub: 'ttyt-ninh-kieu',
  role: 'district_center',
  jurisdiction: { level: 'district', code: '916' },
};

describeWithInfra('a service with every link encrypted and authenticated', (infra) => {
  const secured = infra.secured;
  if (!secured) {
    // deploy/local gives these endpoints; a run that cannot test them must say so, not pass.
    if (process.env.REQUIRE_INFRA === '1')
      throw new Error(
        'REQUIRE_INFRA=1 but the servers have no encrypted endpoints (LOCAL_* of deploy/local)',
      );
    it.skip('needs the encrypted endpoints of deploy/local', () => undefined);
    return;
  }
  const tls = (file: string) => `${secured.tlsDir}/${file}`;
  const issuer = generateKeyPairSync('ed25519');
  const db = uniqueName('links');
  const mongoUri = `mongodb://${secured.mongoAddress}/?tls=true&tlsCAFile=${tls('ca.crt')}`;
  // Made fresh for each client: kafkajs keeps an authentication provider (bound to the password)
  // on the sasl options it is given, so a copy of used options would log in with the old password.
  const kafkaLink = (password = secured.kafkaPassword) => ({
    ssl: { ca: [readFileSync(tls('ca.crt'), 'utf8')] },
    sasl: { mechanism: 'scram-sha-512' as const, username: secured.kafkaUsername, password },
  });
  let running: Running;
  let address: string;
  const opened: Array<{ close(): void }> = [];
  const client = async (credentials: grpc.ChannelCredentials): Promise<PersonRegistryClient> => {
    const made = createClient(proto.PersonRegistry, address, {
      token: await issueToken(issuer.privateKey, DISTRICT),
      credentials,
    });
    opened.push(made);
    return made;
  };

  beforeAll(async () => {
    const config = configSchema.parse({
      TRUYVET_MODE: 'real',
      KAFKA_BROKERS: secured.kafkaBrokers.join(','),
      KAFKA_TLS: 'true',
      KAFKA_TLS_CA_FILE: tls('ca.crt'),
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: secured.kafkaUsername,
      KAFKA_SASL_PASSWORD: secured.kafkaPassword,
      MONGODB_URI: `${mongoUri}&tlsCertificateKeyFile=${tls('client.pem')}`,
      MONGODB_DB: db,
      AUTH_PUBLIC_KEY: issuer.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      GRPC_TLS_CERT_FILE: tls('server.crt'),
      GRPC_TLS_KEY_FILE: tls('server.key'),
      GRPC_TLS_CLIENT_CA_FILE: tls('ca.crt'),
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: '0',
      PERSON_ID_SECRET: `${db}-person-ids`,
      LOG_LEVEL: 'fatal',
    });
    expect(config.LINKS_UNPROTECTED).toEqual([]);
    running = await start(config);
    address = `127.0.0.1:${running.grpcPort}`;
  }, 120_000);

  afterAll(async () => {
    for (const c of opened) c.close();
    await running.stop();
  });

  it('registers a person over mutual TLS, and the event goes out over SASL_SSL', async () => {
    const bus = new KafkaBus({ brokers: secured.kafkaBrokers, clientId: `${db}-watch`, kafka: kafkaLink() });
    const heard: string[] = [];
    try {
      await bus.subscribe({
        groupId: `${db}-watch`,
        topics: [topics.persons.topic],
        handler: eventHandler(new EventRegistry([PersonRegisteredV1] as const), {
          PersonRegistered: (event) => {
            heard.push(event.data.personId);
            return Promise.resolve();
          },
        }),
      });
      const registry = await client(
        channelCredentialsFromFiles({
          caFile: tls('ca.crt'),
          certFile: tls('client.crt'),
          keyFile: tls('client.key'),
        }),
      );
      const answer = await unaryCall(registry, 'RegisterPerson', {
        details: {
          fullName: 'Trần Thị Mật',
          birthYear: 1984,
          sex: 'female',
          phone: `09${Date.now().toString().slice(-8)}`,
          address: { districtCode: '916', wardCode: '31117', hamlet: 'Khu vực 5' },
        },
      });
      const personId = answer.registered?.personId ?? '';
      expect(personId).toMatch(/^p-/);
      await expect(unaryCall(registry, 'GetPerson', { personId })).resolves.toMatchObject({ personId });
      const deadline = Date.now() + 60_000;
      while (!heard.includes(personId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(heard).toContain(personId);
    } finally {
      await bus.close();
    }
  }, 120_000);

  it('refuses a gRPC caller in plaintext, and one over TLS without a certificate of the CA', async () => {
    const codeOf = (registry: PersonRegistryClient) =>
      unaryCall(registry, 'GetPerson', { personId: 'p-x' }, { deadlineMs: 5_000 }).then(
        () => 'answered',
        (error: unknown) => grpc.status[(error as grpc.ServiceError).code],
      );
    await expect(codeOf(await client(grpc.credentials.createInsecure()))).resolves.toBe('UNAVAILABLE');
    await expect(codeOf(await client(channelCredentialsFromFiles({ caFile: tls('ca.crt') })))).resolves.toBe(
      'UNAVAILABLE',
    );
  });

  it("is found healthy by the containers' probe, which asks over mutual TLS", async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'libs/grpc/src/tools/health-probe.ts'],
      {
        cwd: path.resolve(__dirname, '../..'),
        env: {
          ...process.env,
          GRPC_PORT: String(running.grpcPort),
          GRPC_TLS_CERT_FILE: tls('server.crt'),
          GRPC_PROBE_CA_FILE: tls('ca.crt'),
          GRPC_PROBE_CERT_FILE: tls('client.crt'),
          GRPC_PROBE_KEY_FILE: tls('client.key'),
        },
      },
    );
    expect(stdout.trim()).toBe('SERVING');
  });

  it('refuses a Kafka client without TLS, and one with a wrong password', async () => {
    const noTls = new Kafka({
      clientId: `${db}-plain`,
      brokers: secured.kafkaBrokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      connectionTimeout: 3_000,
    }).admin();
    await expect(noTls.connect().then(() => noTls.listTopics())).rejects.toThrow();
    const wrong = new Kafka({
      clientId: `${db}-wrong`,
      brokers: secured.kafkaBrokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      ...kafkaLink('not-the-password'),
    }).admin();
    await expect(wrong.connect().then(() => wrong.listTopics())).rejects.toThrow(/SASL|[Aa]uthentication/);
    await Promise.all([noTls.disconnect(), wrong.disconnect()]);
  });

  it('refuses a MongoDB client without its certificate', async () => {
    const anonymous = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 3_000 });
    try {
      await expect(anonymous.db(db).command({ ping: 1 })).rejects.toThrow();
    } finally {
      await anonymous.close();
    }
  });
});
