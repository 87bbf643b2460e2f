import { ON_A_TEST_MACHINE } from '../../../test/harness/one-machine';
import { KafkaBus } from '@truyvet/bus';
import { connectMongo } from '@truyvet/store';
import { topics } from '@truyvet/events';
import { describeWithInfra, uniqueName, waitForCatchUp } from '../../../test/harness';
import { describeCaseGraphComponent } from './start.suite';
import { configSchema } from './config';

describeWithInfra('case-graph on Kafka and FerretDB', (infra) => {
  describeCaseGraphComponent(
    'real servers',
    () => {
      const db = uniqueName('case-graph');
      const bus = new KafkaBus({ brokers: infra.kafkaBrokers, clientId: 'case-graph-test' });
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
        ready: () =>
          waitForCatchUp(infra.kafkaBrokers, 'case-graph', [
            topics.persons.topic,
            topics.labResults.topic,
            topics.cases.topic,
            topics.isolation.topic,
          ]),
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
