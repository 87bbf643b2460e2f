/**
 * What every service relies on its host for, run embedded (host.test.ts) and on the real servers
 * (host.int.test.ts): an outbox store's saves reach a consumer, the mode's stores, the timers, the
 * gRPC server, and a stop that leaves a shared bus open.
 */
import { describe, expect, it } from '@jest/globals';
import { eventHandler, type Bus } from '@truyvet/bus';
import { createEvent, EventRegistry, SampleCollectedV1, topics, type EventOf } from '@truyvet/events';
import * as grpc from '@grpc/grpc-js';
import {
  checkHealth,
  createClient,
  DEV_SIGNING_KEY,
  issueToken,
  unaryCall,
  type Caller,
  type SigningKey,
} from '@truyvet/grpc';
import { createLogger } from '@truyvet/log';
import { startService, type HostConfig } from './host';
import { personReadsProto } from './person-reads';

/** The settings of an embedded host for tests (a real one adds the servers). */
export const EMBEDDED_CONFIG: HostConfig = {
  TRUYVET_MODE: 'embedded',
  MONGODB_DB: 'unused',
  KAFKA_SESSION_TIMEOUT_MS: 30_000,
  CONSUMER_PARTITIONS_AT_ONCE: 24,
  CONSUMER_KEYS_AT_ONCE: 32,
  GRPC_HOST: '127.0.0.1',
  GRPC_PORT: 0,
  LOG_LEVEL: 'fatal',
};

export interface HostSetup {
  config: HostConfig;
  bus: Bus;
  /** Unique per run, so runs on the same servers do not meet. */
  prefix: string;
  /** Signs the test's tokens: the private half of the config's AUTH_PUBLIC_KEY (default: development). */
  signingKey?: SigningKey;
}

const collected = (sampleId: string): EventOf<typeof SampleCollectedV1> =>
  createEvent(SampleCollectedV1, {
    sampleId,
    barcode: `BC-${sampleId}`,
    pooled: false,
    personIds: [`p-${sampleId}`],
    collectedAt: '2021-11-07T08:30:00+07:00',
    site: { districtCode: '916' },
    reason: 'mass_testing',
    specimenType: 'nasal',
  });

const until = async (done: () => boolean, ms = 30_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

export function describeServiceHost(
  label: string,
  setup: () => Promise<HostSetup>,
  kind: 'mongo' | 'memory',
): void {
  describe(`startService (${label})`, () => {
    it('gives the mode its stores, relays what they save to a consumer, serves, and stops in order', async () => {
      const { config, bus, prefix } = await setup();
      const logger = createLogger({ name: 'host-test', level: 'fatal' });
      const host = await startService(config, { name: 'host-test', bus, logger });
      expect(host.stores.kind).toBe(kind);

      const samples = host.aggregates<{ barcode: string }>(`${prefix}_samples`, { outbox: true });
      const notes = host.documents<{ _id: string; text: string }>(`${prefix}_notes`);
      await host.applyIndexes();
      host.relayOutbox([samples]);
      expect(() => {
        host.relayOutbox([samples]);
      }).toThrow('once');

      // A topic of its own: what other suites left on the shared ones is none of this test's.
      const topic = `${prefix}.host-test.samples`;
      await host.bus.ensureTopics([{ ...topics.samples, topic, partitions: 2 }]);
      const heard: string[] = [];
      const groupId = `${prefix}-host-test`;
      await host.consume({
        groupId,
        topics: [topic],
        handler: eventHandler(new EventRegistry([SampleCollectedV1] as const), {
          SampleCollected: (event) => {
            heard.push(event.data.sampleId);
            return Promise.resolve();
          },
        }),
      });

      const id = `${prefix}-s1`;
      await samples.save({
        id,
        expectedVersion: 0,
        state: { barcode: `BC-${id}` },
        events: [{ topic, event: collected(id) }],
      });
      await until(() => heard.includes(id));
      expect((await samples.load(id))?.state).toEqual({ barcode: `BC-${id}` });
      await notes.put({ _id: 'n1', text: 'kept' });
      expect(await notes.get('n1')).toEqual({ _id: 'n1', text: 'kept' });

      let runs = 0;
      host.every(0, 'never', () => {
        runs += 1000;
        return Promise.resolve();
      });
      host.every(10, 'failing twice', () => {
        runs += 1;
        return runs <= 2 ? Promise.reject(new Error('not yet')) : Promise.resolve();
      });
      await until(() => runs >= 3);
      expect(runs).toBeLessThan(1000);

      const port = await host.serve(() => undefined);
      expect(port).toBeGreaterThan(0);
      expect(await checkHealth(`127.0.0.1:${port}`)).toBe('SERVING');

      await host.stop();
      await host.stop(); // once
      const stoppedAt = runs;
      await new Promise((r) => setTimeout(r, 50));
      expect(runs).toBe(stoppedAt); // timers stopped
      await expect(checkHealth(`127.0.0.1:${port}`, '', { deadlineMs: 500 })).rejects.toThrow();
      // The shared bus is the caller's: still open.
      await expect(bus.publish([])).resolves.toBeUndefined();
    });

    it("records each read of people, many at once, and lists a person's reads to admins only", async () => {
      const { config, bus, prefix, signingKey = DEV_SIGNING_KEY } = await setup();
      const logger = createLogger({ name: 'host-test', level: 'fatal' });
      const host = await startService(config, { name: 'host-test', bus, logger, access: {} });
      await host.applyIndexes();
      const person = `${prefix}-p-reads`;
      const reader = (i: number): Caller => ({
        sub: `team-${i}`,
        role: 'ward_team',
        jurisdiction: { level: 'ward', code: '31117' },
        ...(i % 2 === 1 ? { client: 'console' } : {}),
      });
      const start = Date.now();
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          host.personReads.record({
            at: new Date(start + i),
            method: i % 2 === 1 ? '/truyvet.cases.v1.Cases/UpdateCase' : '/truyvet.cases.v1.Cases/GetCase',
            kind: i % 2 === 1 ? 'change' : 'read',
            caller: reader(i),
            correlationId: `c-${i}`,
            ...(i === 39 ? { reason: 'khởi phát sớm hơn khai báo' } : {}),
            personIds: [person, `${prefix}-other`],
          }),
        ),
      );
      const reads = await host.personReads.readsOf(person, { limit: 5 });
      expect(reads.map((r) => r.correlationId)).toEqual(['c-39', 'c-38', 'c-37', 'c-36', 'c-35']);
      expect(reads[0]).toMatchObject({
        kind: 'change',
        caller: reader(39),
        reason: 'khởi phát sớm hơn khai báo',
        personIds: [person, `${prefix}-other`],
      });
      expect(reads[1]).toMatchObject({ kind: 'read', caller: reader(38) });
      expect(reads[1]?.reason).toBeUndefined();

      const port = await host.serve(() => undefined);
      const client = async (caller: Caller) =>
        createClient(personReadsProto.PersonReads, `127.0.0.1:${port}`, {
          token: await issueToken(signingKey, caller),
        });
      const admin = await client({ sub: 'ops', role: 'admin', jurisdiction: { level: 'city', code: '92' } });
      const city = await client({ sub: 'bcd', role: 'city', jurisdiction: { level: 'city', code: '92' } });
      try {
        const listed = await unaryCall(admin, 'ListPersonReads', { personId: person, limit: 2 });
        expect(listed.reads).toEqual([
          expect.objectContaining({
            caller: 'team-39',
            role: 'ward_team',
            areaCode: '31117',
            peopleInAnswer: 2,
            kind: 'change',
            client: 'console',
            reason: 'khởi phát sớm hơn khai báo',
          }),
          expect.objectContaining({
            caller: 'team-38',
            method: '/truyvet.cases.v1.Cases/GetCase',
            kind: 'read',
            client: '',
            reason: '',
          }),
        ]);
        await expect(unaryCall(city, 'ListPersonReads', { personId: person })).rejects.toMatchObject({
          code: grpc.status.PERMISSION_DENIED,
        });
        await expect(
          unaryCall(admin, 'ListPersonReads', { personId: ' ', limit: 5000 }),
        ).rejects.toMatchObject({
          code: grpc.status.INVALID_ARGUMENT,
          details: expect.stringMatching(/personId[\s\S]*limit/),
        });
      } finally {
        admin.close();
        city.close();
        await host.stop();
      }
    });
  });
}
