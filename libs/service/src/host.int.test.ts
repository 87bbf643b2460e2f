import { generateKeyPairSync } from 'node:crypto';
import { afterAll, expect, it } from '@jest/globals';
import { KafkaBus } from '@truyvet/bus';
import { createLogger } from '@truyvet/log';
import { MongoClient } from 'mongodb';
import { describeWithInfra, uniqueName } from '../../../test/harness';
import { startService } from './host';
import { describeServiceHost, EMBEDDED_CONFIG } from './host.suite';

describeWithInfra('the service host on Kafka and FerretDB', (infra) => {
  const prefix = uniqueName('host').replace('-', '_');
  const bus = new KafkaBus({ brokers: infra.kafkaBrokers, clientId: 'host-test' });
  afterAll(() => bus.close());
  const issuer = generateKeyPairSync('ed25519');

  describeServiceHost(
    'real servers',
    () =>
      Promise.resolve({
        config: {
          ...EMBEDDED_CONFIG,
          TRUYVET_MODE: 'real',
          KAFKA_BROKERS: infra.kafkaBrokers,
          MONGODB_URI: infra.mongoUri,
          MONGODB_DB: prefix,
          // A deployment's own issuer key, as production has (the development key is refused).
          AUTH_PUBLIC_KEY: issuer.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        },
        signingKey: issuer.privateKey,
        bus,
        prefix,
      }),
    'mongo',
  );
});

describeWithInfra('the read audit in a database of its own (AUDIT_DB)', (infra) => {
  const prefix = uniqueName('host-audit').replace('-', '_');
  const bus = new KafkaBus({ brokers: infra.kafkaBrokers, clientId: 'host-audit-test' });
  const mongo = new MongoClient(infra.mongoUri);
  afterAll(async () => {
    await bus.close();
    await mongo.close();
  });

  it('records reads there, with its index, and nothing in the store database', async () => {
    const issuer = generateKeyPairSync('ed25519');
    const host = await startService(
      {
        ...EMBEDDED_CONFIG,
        TRUYVET_MODE: 'real',
        KAFKA_BROKERS: infra.kafkaBrokers,
        MONGODB_URI: infra.mongoUri,
        MONGODB_DB: prefix,
        AUDIT_DB: `${prefix}_audit`,
        AUTH_PUBLIC_KEY: issuer.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      },
      {
        name: 'host-audit-test',
        bus,
        logger: createLogger({ name: 'host-audit-test', level: 'fatal' }),
        access: {},
      },
    );
    try {
      await host.applyIndexes();
      await host.personReads.record({
        at: new Date(),
        method: '/truyvet.cases.v1.Cases/GetCase',
        kind: 'read',
        caller: { sub: 'team-1', role: 'ward_team', jurisdiction: { level: 'ward', code: '31117' } },
        correlationId: 'c-1',
        personIds: [`${prefix}-p`],
      });
      const audit = mongo.db(`${prefix}_audit`).collection('person_reads');
      expect(await audit.countDocuments({ personIds: `${prefix}-p` })).toBe(1);
      expect((await audit.indexes()).map((i) => i.name)).toContain('at');
      const stores = await mongo.db(prefix).listCollections({ name: 'person_reads' }).toArray();
      expect(stores).toEqual([]);
      await expect(host.personReads.readsOf(`${prefix}-p`, { limit: 5 })).resolves.toHaveLength(1);
    } finally {
      await host.stop();
    }
  });
});
