import { ON_A_TEST_MACHINE } from '../../../test/harness/one-machine';
import { KafkaBus } from '@truyvet/bus';
import { connectMongo } from '@truyvet/store';
import { describeWithInfra, uniqueName, waitForCatchUp } from '../../../test/harness';
import { describeReportingComponent } from './start.suite';
import { configSchema } from './config';
import { REPORTED_TOPICS } from './start';

describeWithInfra('reporting on Kafka and FerretDB', (infra) => {
  describeReportingComponent(
    'real servers',
    () => {
      const databases = [uniqueName('reporting'), uniqueName('reporting-rebuild')];
      const config = (db: string) =>
        configSchema.parse({
          TRUYVET_MODE: 'real',
          KAFKA_BROKERS: infra.kafkaBrokers.join(','),
          MONGODB_URI: infra.mongoUri,
          MONGODB_DB: db,
          CONSUMER_GROUP: db,
          ...ON_A_TEST_MACHINE,
          LOG_LEVEL: 'fatal',
        });
      const bus = new KafkaBus({ brokers: infra.kafkaBrokers, clientId: 'reporting-test' });
      return Promise.resolve({
        config: config(databases[0] ?? ''),
        rebuildConfig: config(databases[1] ?? ''),
        bus,
        uniquePrefix: String(100 + Math.floor(Math.random() * 900)),
        caughtUp: (group: string) => waitForCatchUp(infra.kafkaBrokers, group, REPORTED_TOPICS, 600_000),
        cleanup: async () => {
          await bus.close();
          const mongo = await connectMongo(infra.mongoUri, databases[0] ?? '');
          for (const db of databases) await mongo.client.db(db).dropDatabase();
          await mongo.close();
        },
      });
    },
    60_000,
  );
});
