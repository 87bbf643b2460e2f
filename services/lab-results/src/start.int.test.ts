import { ON_A_TEST_MACHINE } from '../../../test/harness/one-machine';
import { KafkaBus } from '@truyvet/bus';
import { connectMongo } from '@truyvet/store';
import { describeWithInfra, uniqueName } from '../../../test/harness';
import { describeLabComponent } from './start.suite';
import { configSchema } from './config';

describeWithInfra('lab-results on Kafka and FerretDB', (infra) => {
  describeLabComponent(
    'real servers',
    () => {
      const db = uniqueName('lab-results');
      const bus = new KafkaBus({ brokers: infra.kafkaBrokers, clientId: 'lab-results-test' });
      return Promise.resolve({
        config: configSchema.parse({
          TRUYVET_MODE: 'real',
          KAFKA_BROKERS: infra.kafkaBrokers.join(','),
          MONGODB_URI: infra.mongoUri,
          MONGODB_DB: db,
          ...ON_A_TEST_MACHINE,
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
  );
});
