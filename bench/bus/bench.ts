/**
 * libs/bus against raw kafkajs, same broker, same run, same message count and size.
 * Prints messages/s for producing and consuming through each and the ratio (goal: bus >= 0.8x raw).
 *
 *   KAFKA_BROKERS=127.0.0.1:9092 npm run bench:bus        (deploy/local/up.sh starts a broker)
 *   BENCH_MESSAGES=200000 BENCH_BYTES=300 BENCH_PARTITIONS=6 npm run bench:bus
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { KafkaBus, type OutgoingMessage } from '@truyvet/bus';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const total = Number(process.env.BENCH_MESSAGES ?? 100_000);
const bytes = Number(process.env.BENCH_BYTES ?? 300);
const partitions = Number(process.env.BENCH_PARTITIONS ?? 6);
const batch = 1_000;

interface Figures {
  produced: number;
  produceMs: number;
  consumeMs: number;
}

function messages(topic: string): OutgoingMessage[][] {
  const payload = 'x'.repeat(Math.max(0, bytes - 60));
  const batches: OutgoingMessage[][] = [];
  for (let start = 0; start < total; start += batch) {
    batches.push(
      Array.from({ length: Math.min(batch, total - start) }, (_, i) => ({
        topic,
        key: `person-${(start + i) % 5_000}`,
        value: JSON.stringify({ n: start + i, payload }),
        headers: { 'event-id': randomUUID() },
      })),
    );
  }
  return batches;
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function raw(kafka: Kafka, topic: string): Promise<Figures> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const batches = messages(topic);
  const t0 = performance.now();
  for (const list of batches) {
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: list }] });
  }
  const produceMs = performance.now() - t0;
  await producer.disconnect();

  return { produced: total, produceMs, consumeMs: await rawConsume(kafka, topic, 'eachBatch') };
}

/**
 * Two raw baselines: `eachBatch` only counts the batch (the client's ceiling, no per-message work),
 * `eachMessage` hands every message to a handler and commits after it, as a consumer that
 * applies events must: the same job the bus does.
 */
async function rawConsume(kafka: Kafka, topic: string, mode: 'eachBatch' | 'eachMessage'): Promise<number> {
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let seen = 0;
  let first = 0;
  const handler = (value: string): Promise<void> => {
    if (value.length > 0) seen++;
    return Promise.resolve();
  };
  if (mode === 'eachBatch') {
    await consumer.run({
      eachBatch: async ({ batch: b }) => {
        if (first === 0) first = performance.now();
        seen += b.messages.length;
        await Promise.resolve();
      },
    });
  } else {
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (first === 0) first = performance.now();
        await handler(message.value?.toString() ?? '');
      },
    });
  }
  await waitFor(() => seen >= total, `raw ${mode} consumer`);
  const consumeMs = performance.now() - first;
  await consumer.disconnect();
  return consumeMs;
}

async function viaBus(topic: string): Promise<Figures> {
  const bus = new KafkaBus({ brokers, clientId: 'bench-bus' });
  const batches = messages(topic);
  const t0 = performance.now();
  for (const list of batches) await bus.publish(list);
  const produceMs = performance.now() - t0;
  let seen = 0;
  let first = 0;
  const subscription = await bus.subscribe({
    groupId: `bench-bus-${randomUUID()}`,
    topics: [topic],
    handler: () => {
      if (first === 0) first = performance.now();
      seen++;
      return Promise.resolve();
    },
  });
  await waitFor(() => seen >= total, 'bus consumer');
  const consumeMs = performance.now() - first;
  await subscription.stop();
  await bus.close();
  return { produced: total, produceMs, consumeMs };
}

async function main(): Promise<void> {
  const kafka = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const rawTopic = `bench-raw-${randomUUID().slice(0, 8)}`;
  const busTopic = `bench-bus-${randomUUID().slice(0, 8)}`;
  await admin.createTopics({
    waitForLeaders: true,
    topics: [rawTopic, busTopic].map((topic) => ({ topic, numPartitions: partitions })),
  });
  console.log(
    `bench/bus: ${total} messages of ~${bytes} bytes, ${partitions} partitions, batches of ${batch}, broker ${brokers.join(',')}`,
  );
  const rawFigures = await raw(kafka, rawTopic);
  const rawEachMessageMs = await rawConsume(kafka, rawTopic, 'eachMessage');
  const busFigures = await viaBus(busTopic);
  await admin.deleteTopics({ topics: [rawTopic, busTopic] }).catch(() => undefined);
  await admin.disconnect();

  const rate = (f: Figures, ms: number): number => Math.round((f.produced / ms) * 1000);
  const ratio = (a: number, b: number): number => Number((a / b).toFixed(2));
  const produce = {
    raw: rate(rawFigures, rawFigures.produceMs),
    bus: rate(busFigures, busFigures.produceMs),
  };
  const consume = {
    rawEachMessage: rate(rawFigures, rawEachMessageMs),
    rawEachBatch: rate(rawFigures, rawFigures.consumeMs),
    bus: rate(busFigures, busFigures.consumeMs),
  };
  const rows = [
    {
      stage: 'produce: sendBatch of 1,000, acks=all, idempotent',
      raw: produce.raw,
      bus: produce.bus,
      ratio: ratio(produce.bus, produce.raw),
    },
    {
      stage: 'consume: per-message handler, commit after it (raw eachMessage)',
      raw: consume.rawEachMessage,
      bus: consume.bus,
      ratio: ratio(consume.bus, consume.rawEachMessage),
    },
    {
      stage: 'consume: client ceiling, no per-message work (raw eachBatch)',
      raw: consume.rawEachBatch,
      bus: consume.bus,
      ratio: ratio(consume.bus, consume.rawEachBatch),
    },
  ];
  console.log('');
  console.log('| stage | raw kafkajs msg/s | libs/bus msg/s | ratio (goal >= 0.8) |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.stage} | ${r.raw} | ${r.bus} | ${r.ratio} |`);
  const out = path.join(__dirname, '../results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, 'bus.json'),
    `${JSON.stringify({ at: new Date().toISOString(), messages: total, bytes, partitions, brokers, rows }, null, 2)}\n`,
  );
  console.log(`\nwritten to bench/results/bus.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
