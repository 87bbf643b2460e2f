/**
 * Quick start. Embedded by default (in-memory bus and store: no Kafka, no MongoDB);
 * TRUYVET_MODE=real runs the same on KAFKA_BROKERS and MONGODB_URI.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { InMemoryBus, InMemoryDedupStore, KafkaBus, type Bus, type DedupStore } from '@truyvet/bus';
import { env, loadConfigOrExit } from '@truyvet/config';
import { createLogger } from '@truyvet/log';
import {
  applyIndexes,
  connectMongo,
  InMemoryAggregateStore,
  MongoAggregateStore,
  MongoDedupStore,
  type OutboxRelay,
} from '@truyvet/store';
import { demoWards, runFoundationDemo, type SampleState } from './demo';

const config = loadConfigOrExit(
  z
    .object({
      TRUYVET_MODE: env.enumOf(['embedded', 'real'] as const).default('embedded'),
      KAFKA_BROKERS: env.list().optional(),
      MONGODB_URI: env.string().optional(),
      DEMO_SAMPLES: env.positiveInt().default(2_000),
    })
    .refine((c) => c.TRUYVET_MODE === 'embedded' || (c.KAFKA_BROKERS && c.MONGODB_URI), {
      message:
        'TRUYVET_MODE=real needs KAFKA_BROKERS and MONGODB_URI (deploy/local/up.sh --print-env gives them)',
      path: ['TRUYVET_MODE'],
    }),
);

async function main(): Promise<void> {
  const logger = createLogger({ name: 'quick-start', level: process.env.LOG_LEVEL ?? 'fatal' }); // the summary says what went wrong; LOG_LEVEL=info shows the logs
  const relayHook: { relay?: OutboxRelay } = {};
  const wake = (): void => relayHook.relay?.notify();
  const run = randomUUID().slice(0, 8);
  let bus: Bus;
  let store: InMemoryAggregateStore<SampleState> | MongoAggregateStore<SampleState>;
  let dedup: DedupStore;
  let close: () => Promise<void>;

  if (config.TRUYVET_MODE === 'real' && config.KAFKA_BROKERS && config.MONGODB_URI) {
    console.log(
      `truyvet quick start — real servers: Kafka ${config.KAFKA_BROKERS.join(',')}, ${config.MONGODB_URI}`,
    );
    const kafka = new KafkaBus({ brokers: config.KAFKA_BROKERS, clientId: 'quick-start', logger });
    const mongo = await connectMongo(config.MONGODB_URI, 'truyvet-quickstart', { logger });
    await applyIndexes(mongo.db, MongoAggregateStore.indexes(`samples-${run}`));
    bus = kafka;
    store = new MongoAggregateStore<SampleState>(mongo.db, `samples-${run}`, wake);
    dedup = new MongoDedupStore(mongo.db);
    close = async () => {
      await kafka.close();
      await mongo.close();
    };
  } else {
    console.log(
      'truyvet quick start — embedded: in-memory bus and store (TRUYVET_MODE=real for Kafka + MongoDB)',
    );
    const memory = new InMemoryBus({ logger });
    bus = memory;
    store = new InMemoryAggregateStore<SampleState>('samples', wake);
    dedup = new InMemoryDedupStore();
    close = () => memory.close();
  }

  console.log(
    `\nThe four services arrive with the next issues; this run shows the foundation they stand on:\n` +
      `a Ninh Kieu mass-testing round of ${config.DEMO_SAMPLES} tubes is saved with its events in one commit each,\n` +
      `relayed to the bus, and applied by an idempotent consumer.\n`,
  );
  const summary = await runFoundationDemo({
    bus,
    store,
    dedup,
    relayHook,
    samples: config.DEMO_SAMPLES,
    groupId: `quick-start-${run}`,
    onProgress: (line) => {
      console.log(line);
    },
  });
  await close();

  const nf = new Intl.NumberFormat('vi-VN');
  console.log(
    `\nSamples collected: ${nf.format(summary.samples)} tubes (${nf.format(summary.pooled)} pooled), ${nf.format(summary.people)} people swabbed`,
  );
  console.log('\n| Ward | Tubes | People |\n|---|---:|---:|');
  for (const ward of demoWards) {
    const figures = summary.perWard[ward.code] ?? { samples: 0, people: 0 };
    console.log(
      `| ${ward.name} (${ward.code}) | ${nf.format(figures.samples)} | ${nf.format(figures.people)} |`,
    );
  }
  console.log(
    `\nApplied by the consumer: ${nf.format(summary.applied)} of ${nf.format(summary.samples)} events`,
  );
  console.log(
    `An event delivered twice was applied ${summary.redeliveredEventApplications} time(s) (dedup by event id)`,
  );
  for (const dead of summary.deadLettered) console.log(`Dead-lettered: [${dead.code}] ${dead.reason}`);
  console.log(
    `\nTimes: ${nf.format(summary.collectMs)} ms to save ${nf.format(summary.samples)} commits; ` +
      `${nf.format(summary.endToEndMs)} ms until the last was applied.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
