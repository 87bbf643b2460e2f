/**
 * Crash tests on the real servers: programs in their own OS processes are killed with SIGKILL at
 * the worst moments, and afterwards nothing is lost and nothing is applied twice.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { headers, KafkaBus, deadLetterTopic, eventMessage, type ReceivedMessage } from '@truyvet/bus';
import { createEvent, SampleCollectedV1 } from '@truyvet/events';
import { connectMongo, MongoAggregateStore, OutboxRelay, type MongoConnection } from '@truyvet/store';
import { sampleData } from '../../libs/bus/src/contract';
import { ChildProgram } from '../harness/child';
import { describeWithInfra, eventually, uniqueName } from '../harness';

const programs = path.join(__dirname, 'programs');

// Each test waits for processes and, once, for a dead member's session to time out (30 s).
jest.setTimeout(240_000);

describeWithInfra('crash tests (SIGKILL) on Kafka and FerretDB', (infra) => {
  let mongo: MongoConnection;
  let bus: KafkaBus;
  const dbName = uniqueName('crash');
  const children: ChildProgram[] = [];
  const run = (program: string, env: Record<string, string>): ChildProgram => {
    const child = new ChildProgram(path.join(programs, program), {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGODB_URI: infra.mongoUri,
      DB_NAME: dbName,
      LOG_LEVEL: 'warn',
      ...env,
    });
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    mongo = await connectMongo(infra.mongoUri, dbName);
    bus = new KafkaBus({ brokers: infra.kafkaBrokers, clientId: 'crash-test' });
  });

  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill('SIGKILL')));
    await bus.close();
    await mongo.db.dropDatabase();
    await mongo.close();
  });

  async function countDeliveries(
    topic: string,
    until: (seen: ReceivedMessage[]) => boolean,
  ): Promise<ReceivedMessage[]> {
    const seen: ReceivedMessage[] = [];
    const reader = await bus.subscribe({
      groupId: uniqueName('reader'),
      topics: [topic],
      handler: (m) => {
        seen.push(m);
        return Promise.resolve();
      },
    });
    await eventually('messages on the topic', () => (until(seen) ? true : undefined), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500)); // anything more would show up now
    await reader.stop();
    return seen;
  }

  it('a writer killed after saving, and a relay killed after publishing, lose nothing and double nothing', async () => {
    const topic = uniqueName('crash-samples');
    await bus.ensureTopics([{ topic, partitions: 3 }]);
    const sampleId = uniqueName('smp');

    // 1. The writer commits state + outbox, then dies before any relay runs.
    const writer = run('outbox-writer.ts', { MODE: 'save', SAMPLE_ID: sampleId, TOPIC: topic });
    const eventId = (await writer.waitFor(/^SAVED /)).split(' ')[1] ?? '';
    await writer.kill('SIGKILL');
    const store = new MongoAggregateStore<{ barcode: string }>(mongo.db, 'samples');
    expect(await store.load(sampleId)).toMatchObject({ version: 1, state: { barcode: `CT916-${sampleId}` } });
    expect(await store.pending.countDocuments({ agg: sampleId })).toBe(1);

    // 2. A relay publishes it and dies before marking it published.
    const relayProcess = run('outbox-writer.ts', { MODE: 'relay', TOPIC: topic });
    await relayProcess.waitFor(/^PUBLISHED 1$/);
    await relayProcess.kill('SIGKILL');

    // 3. The restarted relay finds it still pending and publishes it again: at-least-once.
    const relay = new OutboxRelay({ bus, sources: [store], graceMs: 1_000 });
    await eventually(
      'the relay to find it pending (after its grace, by its own clock)',
      async () => ((await relay.publishPending()) > 0 ? true : undefined),
      60_000,
      500,
    );
    expect(await relay.publishPending()).toBe(0);
    expect(await store.pending.countDocuments({ agg: sampleId })).toBe(0);

    // 4. An idempotent consumer applies it once.
    const onTopic = await countDeliveries(topic, (seen) => seen.length >= 2);
    expect(onTopic.map((m) => m.headers[headers.eventId])).toEqual([eventId, eventId]);
    const consumer = run('sample-consumer.ts', { TOPIC: topic, GROUP: uniqueName('cases') });
    await consumer.waitFor(/^APPLIED /);
    await consumer.waitFor(/^ALREADY_APPLIED /);
    await consumer.kill('SIGTERM');
    expect(await mongo.db.collection('effects').countDocuments({ _id: eventId as never })).toBe(1);
    expect(await mongo.db.collection('deliveries').findOne({ _id: eventId as never })).toMatchObject({
      count: 2,
    });
  });

  it('a consumer killed after its effect but before committing gets the event again, and applies it once', async () => {
    const topic = uniqueName('crash-results');
    const group = uniqueName('case-graph');
    await bus.ensureTopics([{ topic, partitions: 1 }]);
    const event = createEvent(SampleCollectedV1, sampleData(uniqueName('smp')));
    await bus.publish([eventMessage({ topic, event })]);

    const first = run('sample-consumer.ts', { TOPIC: topic, GROUP: group, HANG_AFTER_APPLY: '1' });
    await first.waitFor(/^APPLIED /);
    await first.kill('SIGKILL');

    const second = run('sample-consumer.ts', { TOPIC: topic, GROUP: group });
    await second.waitFor(/^ALREADY_APPLIED /, 90_000); // after the dead member's session times out
    await second.kill('SIGTERM');
    expect(await mongo.db.collection('effects').countDocuments({ _id: event.id as never })).toBe(1);
    expect(await mongo.db.collection('deliveries').findOne({ _id: event.id as never })).toMatchObject({
      count: 2,
    });
  });

  it('a poison event goes to the dead-letter topic with its reason, and the partition keeps flowing', async () => {
    const topic = uniqueName('crash-poison');
    const group = uniqueName('reporting');
    await bus.ensureTopics([{ topic, partitions: 1 }]);
    const before = createEvent(SampleCollectedV1, sampleData(uniqueName('before')));
    const after = createEvent(SampleCollectedV1, sampleData(uniqueName('after')));
    const poison = { ...createEvent(SampleCollectedV1, sampleData('poison')), version: 9 };
    await bus.publish([
      eventMessage({ topic, event: before }),
      { topic, key: 'poison', value: JSON.stringify(poison) },
      eventMessage({ topic, event: after }),
    ]);
    const consumer = run('sample-consumer.ts', { TOPIC: topic, GROUP: group });
    await consumer.waitFor(new RegExp(`^APPLIED ${after.data.sampleId}$`));
    await consumer.kill('SIGTERM');
    expect(consumer.lines.filter((l) => l.startsWith('APPLIED '))).toEqual([
      `APPLIED ${before.data.sampleId}`,
      `APPLIED ${after.data.sampleId}`,
    ]);
    const [dead] = await countDeliveries(deadLetterTopic(group), (seen) => seen.length >= 1);
    expect(dead?.headers[headers.dlqReason]).toBe('SampleCollected v9 is not supported (known: v1)');
    expect(dead?.headers[headers.dlqErrorCode]).toBe('UNSUPPORTED_VERSION');
    expect(JSON.parse(dead?.value ?? '{}')).toMatchObject({ id: poison.id, version: 9 });
  });
});
