import { readFileSync } from 'node:fs';
import { ConfigResourceTypes, ConfigSource, type KafkaConfig } from 'kafkajs';
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

describeWithInfra('KafkaBus topics on a real broker', (infra) => {
  const buses: KafkaBus[] = [];
  const bus = (options: { createTopics?: boolean; topicsWaitMs?: number } = {}): KafkaBus => {
    const made = new KafkaBus({
      brokers: infra.kafkaBrokers,
      clientId: `topics-${buses.length}`,
      ...options,
    });
    buses.push(made);
    return made;
  };
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
  });

  /** A topic's own settings (those set on it, not the broker's defaults). */
  async function ownSettings(topic: string): Promise<Record<string, string>> {
    const admin = bus().client.admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
      });
      return Object.fromEntries(
        (resources[0]?.configEntries ?? [])
          .filter((e) => e.configSource === ConfigSource.TOPIC_CONFIG)
          .map((e) => [e.configName, e.configValue]),
      );
    } finally {
      await admin.disconnect();
    }
  }

  it('creates a stream that keeps its events for good', async () => {
    const topic = `truyvet.test.kept-${Date.now()}`;
    await bus().ensureTopics([{ topic, partitions: 2 }]);
    expect(await ownSettings(topic)).toEqual({ 'retention.ms': '-1' });
  });

  it('sets a topic made before with a retention of its own to keep its events, its other settings kept', async () => {
    const topic = `truyvet.test.older-${Date.now()}`;
    const admin = bus().client.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        topics: [
          {
            topic,
            numPartitions: 1,
            configEntries: [
              { name: 'retention.ms', value: '604800000' },
              { name: 'segment.ms', value: '3600000' },
            ],
          },
        ],
      });
    } finally {
      await admin.disconnect();
    }
    await bus().ensureTopics([{ topic, partitions: 1 }]);
    expect(await ownSettings(topic)).toEqual({ 'retention.ms': '-1', 'segment.ms': '3600000' });
  });

  it('does not create topics when told not to, and says which are missing and who makes them', async () => {
    const topic = `truyvet.test.missing-${Date.now()}`;
    await expect(
      bus({ createTopics: false, topicsWaitMs: 1_000 }).ensureTopics([{ topic, partitions: 1 }]),
    ).rejects.toThrow(
      new RegExp(`topics missing after 1 s: ${topic.replace(/\./g, '\\.')} \\(not created here`),
    );
    const admin = bus().client.admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).not.toContain(topic);
    } finally {
      await admin.disconnect();
    }
  });
});
