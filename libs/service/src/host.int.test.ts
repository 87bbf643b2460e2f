import { generateKeyPairSync } from 'node:crypto';
import { afterAll } from '@jest/globals';
import { KafkaBus } from '@truyvet/bus';
import { describeWithInfra, uniqueName } from '../../../test/harness';
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
