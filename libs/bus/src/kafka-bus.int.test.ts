import { readFileSync } from 'node:fs';
import type { KafkaConfig } from 'kafkajs';
import { describeWithInfra } from '../../../test/harness';
import { describeBusContract } from './contract';
import { KafkaBus } from './kafka-bus';

/** The contract on one of the broker's listeners, with that listener's TLS and SASL (if any). */
function onListener(label: string, brokers: string[], link: () => Pick<KafkaConfig, 'ssl' | 'sasl'>): void {
  describeBusContract(
    label,
    () => {
      const clients: KafkaBus[] = [];
      const client = (): KafkaBus => {
        const bus = new KafkaBus({ brokers, clientId: `contract-${clients.length}`, kafka: link() });
        clients.push(bus);
        return bus;
      };
      return Promise.resolve({
        bus: client(),
        otherClient: client,
        close: async () => {
          await Promise.all(clients.map((c) => c.close()));
        },
      });
    },
    60_000,
  );
}

describeWithInfra('KafkaBus on a real broker', (infra) => {
  onListener('kafka', infra.kafkaBrokers, () => ({}));
  const secured = infra.secured;
  if (secured) {
    // The same contract over SASL_SSL (SCRAM-SHA-512), as a deployment runs it. The options are
    // made fresh for each client: kafkajs keeps state on the sasl object it is given.
    onListener('kafka over SASL_SSL', secured.kafkaBrokers, () => ({
      ssl: { ca: [readFileSync(`${secured.tlsDir}/ca.crt`, 'utf8')] },
      sasl: { mechanism: 'scram-sha-512', username: secured.kafkaUsername, password: secured.kafkaPassword },
    }));
  } else if (process.env.REQUIRE_INFRA === '1') {
    throw new Error('REQUIRE_INFRA=1 but the broker has no SASL_SSL listener (LOCAL_* of deploy/local)');
  }
});
