import { describeWithInfra } from '../../../test/harness';
import { describeBusContract } from './contract';
import { KafkaBus } from './kafka-bus';

describeWithInfra('KafkaBus on a real broker', (infra) => {
  describeBusContract(
    'kafka',
    () => {
      const clients: KafkaBus[] = [];
      const client = (): KafkaBus => {
        const bus = new KafkaBus({ brokers: infra.kafkaBrokers, clientId: `contract-${clients.length}` });
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
});
