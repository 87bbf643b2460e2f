import { ON_A_TEST_MACHINE } from '../../../test/harness/one-machine';
import { KafkaBus } from '@truyvet/bus';
import { connectMongo } from '@truyvet/store';
import { describeWithInfra, uniqueName } from '../../../test/harness';
import { describePersonRegistryComponent } from './start.suite';
import { configSchema } from './config';

describeWithInfra('sample-collection on Kafka and FerretDB', (infra) => {
  describePersonRegistryComponent(
    'real servers',
    () => {
      const db = uniqueName('sample-collection');
      const bus = new KafkaBus({ brokers: infra.kafkaBrokers, clientId: 'sample-collection-test' });
      return Promise.resolve({
        config: configSchema.parse({
          TRUYVET_MODE: 'real',
          KAFKA_BROKERS: infra.kafkaBrokers.join(','),
          MONGODB_URI: infra.mongoUri,
          MONGODB_DB: db,
          ...ON_A_TEST_MACHINE,
          PERSON_ID_SECRET: 'test-person-id-secret',
          LOG_LEVEL: 'fatal',
        }),
        bus,
        uniquePrefix: String(1000 + Math.floor(Math.random() * 9000)),
        cleanup: async () => {
          await bus.close();
          const mongo = await connectMongo(infra.mongoUri, db);
          await mongo.db.dropDatabase();
          await mongo.close();
        },
      });
    },
    60_000,
    10_000, // the same household list as embedded: batched, FerretDB scans once per batch (ADR 3)
  );
});
