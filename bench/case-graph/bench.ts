/**
 * case-graph, two measurements (figures and ratios printed, written to bench/results/case-graph-<mode>.json):
 *
 * (a) positive result -> F1 isolation orders. Households are registered (PersonRegistered, as the
 *     registry publishes them); then one member of each household tests positive (PersonTestResulted,
 *     as the lab publishes it) and the latency runs from that publish to the last IsolationOrdered of
 *     the household's F1s seen on Kafka. First at full speed (half the households at once: the
 *     maximum throughput), then paced at half that rate (the latency goal's load). The floor beside
 *     it: a raw kafkajs produce -> consume round trip on the same broker, in the same run (the cascade
 *     needs three such hops: result -> F0's events -> F1's events).
 * (b) contacts to depth 2 at 1M persons and 10M contacts: the pure graph walk the service runs,
 *     over an in-memory adjacency index (CSR) built from a seeded random city; build time, p50/p99
 *     of 1,000 queries, memory.
 *
 *   set -a; eval "$(deploy/local/up.sh --print-env)"; set +a
 *   BENCH_HOUSEHOLDS=200 npx tsx bench/case-graph/bench.ts      # without KAFKA_BROKERS: embedded
 */
import { ON_A_TEST_MACHINE } from '../../test/harness/one-machine';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { eventHandler, eventMessage, InMemoryBus, KafkaBus, type Bus } from '@truyvet/bus';
import { configSchema, contactsToDepth, start, type GraphNode } from '@truyvet/case-graph';
import {
  createEvent,
  EventRegistry,
  IsolationOrderedV1,
  PersonRegisteredV1,
  PersonTestResultedV1,
  topics,
} from '@truyvet/events';
import { connectMongo } from '@truyvet/store';
import { seededRandom } from '../../scripts/scenario/city';
import { waitForCatchUp } from '../../test/harness/lag';

const brokers = process.env.KAFKA_BROKERS;
const mongoUri = process.env.MONGODB_URI;
const households = Number(process.env.BENCH_HOUSEHOLDS ?? 200);
const householdSize = Number(process.env.BENCH_HOUSEHOLD_SIZE ?? 4);
const graphPersons = Number(process.env.BENCH_GRAPH_PERSONS ?? 1_000_000);
const graphContacts = Number(process.env.BENCH_GRAPH_CONTACTS ?? 10_000_000);
const real = Boolean(brokers && mongoUri);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function summary(values: readonly number[]): { p50: number; p90: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number): number => Math.round(n * 10) / 10;
  return {
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

async function until(what: string, check: () => boolean, timeoutMs = 900_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A raw kafkajs round trip (produce one message, consume it), as the floor of one event hop. */
async function rawRoundTrip(count: number): Promise<ReturnType<typeof summary>> {
  const kafka = new Kafka({
    brokers: (brokers ?? '').split(','),
    clientId: 'bench-raw',
    logLevel: logLevel.NOTHING,
  });
  const topic = `bench-roundtrip-${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
  await producer.connect();
  const consumer = kafka.consumer({ groupId: `${topic}-g`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const sentAt = new Map<string, number>();
  const took: number[] = [];
  await consumer.run({
    eachMessage: ({ message }) => {
      const key = message.key?.toString() ?? '';
      const at = sentAt.get(key);
      if (at !== undefined) took.push(performance.now() - at);
      return Promise.resolve();
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // the consumer joins its group
  for (let i = 0; i < count; i++) {
    const key = `k${i}`;
    sentAt.set(key, performance.now());
    await producer.send({ topic, acks: -1, messages: [{ key, value: 'x'.repeat(300) }] });
    await until('the round trip', () => took.length > i, 30_000);
  }
  await consumer.disconnect();
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return summary(took);
}

const consumed = [topics.persons.topic, topics.labResults.topic, topics.cases.topic, topics.isolation.topic];

/** Waits until the service's consumer group has no lag left on what it consumes. */
const settled = (): Promise<void> =>
  real
    ? waitForCatchUp((brokers ?? '').split(','), 'case-graph', consumed, 1_800_000)
    : new Promise((resolve) => setTimeout(resolve, 1_000));

async function cascade(): Promise<Record<string, unknown>> {
  const db = `bench-case-graph-${randomUUID().slice(0, 8)}`;
  const bus: Bus = real
    ? new KafkaBus({ brokers: (brokers ?? '').split(','), clientId: 'bench-case-graph' })
    : new InMemoryBus();
  const running = await start(
    configSchema.parse({
      TRUYVET_MODE: real ? 'real' : 'embedded',
      ...(real
        ? {
            KAFKA_BROKERS: brokers,
            MONGODB_URI: mongoUri,
            MONGODB_DB: db,
            ...ON_A_TEST_MACHINE,
          }
        : {}),
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: 0,
      LOG_LEVEL: 'error',
      RELEASE_SWEEP_MS: 0,
    }),
    { bus },
  );
  const run = String(1000 + Math.floor(Math.random() * 9000));
  const member = (h: number, m: number): string => `p-b${run}-${h}-${m}`;
  const ordered = new Map<string, number>(); // F1 person -> when their IsolationOrdered was seen
  const watcher = await bus.subscribe({
    groupId: `bench-${run}-watcher`,
    topics: [topics.isolation.topic],
    handler: eventHandler(new EventRegistry([IsolationOrderedV1] as const), {
      IsolationOrdered: (event) => {
        if (event.data.reason === 'contact' && !ordered.has(event.data.personId))
          ordered.set(event.data.personId, performance.now());
        return Promise.resolve();
      },
    }),
  });

  // The households, as the registry publishes them; then a while for the service to take them in.
  const registrations = [];
  for (let h = 0; h < households; h++)
    for (let m = 0; m < householdSize; m++)
      registrations.push(
        eventMessage({
          topic: topics.persons.topic,
          event: createEvent(PersonRegisteredV1, {
            personId: member(h, m),
            details: {
              fullName: `Nguyễn Văn ${h}-${m}`,
              birthYear: 1960 + ((h + m) % 50),
              address: { districtCode: '916', wardCode: '31117' },
              householdId: `hh-b${run}-${h}`,
              vaccinations: [],
              comorbidities: [],
            },
            registeredBy: 'bench',
          }),
        }),
      );
  let t = performance.now();
  for (let i = 0; i < registrations.length; i += 500) await bus.publish(registrations.slice(i, i + 500));
  // The service has taken the registrations in when its consumer group has no lag on the stream.
  await settled();
  const registeredIn = (performance.now() - t) / 1000;

  const positive = (h: number) =>
    eventMessage({
      topic: topics.labResults.topic,
      event: createEvent(PersonTestResultedV1, {
        resultId: `r-b${run}-${h}`,
        sampleId: `s-b${run}-${h}`,
        barcode: `B${run}-${h}`,
        method: 'rt_pcr',
        outcome: 'positive',
        ctValues: { N: 22 },
        ruleSetId: 'can-tho-2021-provisional',
        labId: 'lab-92',
        recordedBy: 'bench',
        collectedAt: new Date(Date.now() - 86_400_000).toISOString(),
        resultedAt: new Date().toISOString(),
        samplingReason: 'mass_testing',
        siteDistrictCode: '916',
        siteWardCode: '31117',
        personId: member(h, 0),
        pooled: false,
      }),
    });
  const householdDone = (h: number): number | undefined => {
    let last = 0;
    for (let m = 1; m < householdSize; m++) {
      const at = ordered.get(member(h, m));
      if (at === undefined) return undefined;
      last = Math.max(last, at);
    }
    return last;
  };

  // Full speed: the first half of the households at once.
  const burst = Math.max(1, Math.floor(households / 2));
  t = performance.now();
  await bus.publish(Array.from({ length: burst }, (_, h) => positive(h)));
  await until('the burst cascade', () =>
    Array.from({ length: burst }, (_, h) => householdDone(h)).every((x) => x !== undefined),
  );
  const burstSeconds = (performance.now() - t) / 1000;
  // The F1 orders are out; tasks, beds and waiting lists for them are still being worked. The rate
  // the service can sustain counts that too: until its consumer group has no lag left.
  await settled();
  const settledSeconds = (performance.now() - t) / 1000;
  const maxCascadesPerSecond = burst / settledSeconds;

  // Paced at half of that: the latency of each household.
  const rate = maxCascadesPerSecond / 2;
  const sentAt = new Map<number, number>();
  const paced = Array.from({ length: households - burst }, (_, i) => burst + i);
  t = performance.now();
  for (const [i, h] of paced.entries()) {
    const due = t + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sentAt.set(h, performance.now());
    await bus.publish([positive(h)]);
  }
  await until('the paced cascades', () => paced.every((h) => householdDone(h) !== undefined));
  const latencies = paced.map((h) => (householdDone(h) ?? 0) - (sentAt.get(h) ?? 0));
  const rss = process.memoryUsage().rss;
  await watcher.stop();
  await running.stop();
  if (real) {
    await bus.close();
    const mongo = await connectMongo(mongoUri ?? '', db);
    await mongo.db.dropDatabase();
    await mongo.close();
  } else await bus.close();
  return {
    households,
    householdSize,
    registrationsPublishedInSeconds: Math.round(registeredIn * 10) / 10,
    burstHouseholds: burst,
    burstF1OrdersSeconds: Math.round(burstSeconds * 100) / 100,
    burstSettledSeconds: Math.round(settledSeconds * 100) / 100,
    maxCascadesPerSecond: Math.round(maxCascadesPerSecond * 10) / 10,
    maxF1OrdersPerSecond: Math.round(maxCascadesPerSecond * (householdSize - 1) * 10) / 10,
    pacedHouseholds: paced.length,
    pacedRatePerSecond: Math.round(rate * 10) / 10,
    resultToF1OrdersMs: summary(latencies),
    residentMemoryMB: Math.round(rss / 1_048_576),
  };
}

async function graphQuery(): Promise<Record<string, unknown>> {
  const before = process.memoryUsage();
  let t = performance.now();
  const random = seededRandom(20211108);
  const n = graphPersons;
  // Households of 4 (everyone in one is everyone else's contact), the rest random contacts.
  const household = 4;
  const householdEdges = Math.min(graphContacts, n * (household - 1));
  const randomPerPerson = Math.max(0, Math.floor((graphContacts - householdEdges) / n));
  const degree = new Int32Array(n);
  for (let p = 0; p < n; p++)
    degree[p] = Math.min(household, n - Math.floor(p / household) * household) - 1 + randomPerPerson;
  const offsets = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) offsets[p + 1] = (offsets[p] ?? 0) + (degree[p] ?? 0);
  const targets = new Int32Array(offsets[n] ?? 0);
  for (let p = 0; p < n; p++) {
    let at = offsets[p] ?? 0;
    const first = Math.floor(p / household) * household;
    for (let q = first; q < Math.min(first + household, n); q++) if (q !== p) targets[at++] = q;
    for (let k = 0; k < randomPerPerson; k++) targets[at++] = Math.floor(random() * n);
  }
  const buildSeconds = (performance.now() - t) / 1000;
  const levels = new Int8Array(n).fill(-1);
  for (let p = 0; p < n; p += 97) levels[p] = 1;
  const load = (ids: readonly string[]): Promise<ReadonlyMap<string, GraphNode>> => {
    const found = new Map<string, GraphNode>();
    for (const id of ids) {
      const p = Number(id.slice(1));
      const from = offsets[p] ?? 0;
      const to = offsets[p + 1] ?? 0;
      const contacts = [];
      for (let i = from; i < to; i++)
        contacts.push({
          contactPersonId: `p${targets[i] ?? 0}`,
          contactType: 'household',
          lastExposureOn: '2021-11-07',
        });
      const level = levels[p] ?? -1;
      found.set(id, { personId: id, level: level < 0 ? null : level, contacts });
    }
    return Promise.resolve(found);
  };
  const took: number[] = [];
  let reachedTotal = 0;
  const queries = 1_000;
  for (let i = 0; i < queries; i++) {
    const start = `p${Math.floor(random() * n)}`;
    t = performance.now();
    const { reached } = await contactsToDepth(start, 2, load);
    took.push(performance.now() - t);
    reachedTotal += reached.length;
  }
  const after = process.memoryUsage();
  return {
    persons: n,
    contacts: targets.length,
    buildSeconds: Math.round(buildSeconds * 100) / 100,
    queries,
    meanReached: Math.round(reachedTotal / queries),
    depth2Ms: summary(took),
    indexMB: Math.round((offsets.byteLength + targets.byteLength + levels.byteLength) / 1_048_576),
    heapGrowthMB: Math.round(
      (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1_048_576,
    ),
    residentMB: Math.round(after.rss / 1_048_576),
  };
}

async function main(): Promise<void> {
  console.log(
    `bench/case-graph: ${households} households of ${householdSize}, ${real ? `Kafka ${brokers ?? ''}, ${mongoUri ?? ''}` : 'embedded (no KAFKA_BROKERS/MONGODB_URI)'}`,
  );
  const floor = real ? await rawRoundTrip(200) : undefined;
  const a = await cascade();
  const b = await graphQuery();
  const latency = a.resultToF1OrdersMs as ReturnType<typeof summary>;
  const figures = {
    at: new Date().toISOString(),
    mode: real ? 'kafka+ferretdb' : 'embedded',
    cascade: a,
    rawKafkaRoundTripMs: floor,
    latencyOverThreeRawHops: floor
      ? {
          p50: Math.round((latency.p50 / (3 * floor.p50)) * 10) / 10,
          p99: Math.round((latency.p99 / (3 * floor.p99)) * 10) / 10,
        }
      : undefined,
    goals: { p50Ms: 50, p99Ms: 250, p50Met: latency.p50 <= 50, p99Met: latency.p99 <= 250 },
    graph: b,
  };
  const g = b.depth2Ms as ReturnType<typeof summary>;
  const lines = [
    `| figure | value |`,
    `| --- | ---: |`,
    `| mode | ${figures.mode} |`,
    `| burst of ${String(a.burstHouseholds)} positives: F1 orders out / all follow-up done, s | ${String(a.burstF1OrdersSeconds)} / ${String(a.burstSettledSeconds)} |`,
    `| max sustained: households cascaded/s (F1 orders/s) | ${String(a.maxCascadesPerSecond)} (${String(a.maxF1OrdersPerSecond)}) |`,
    `| paced load (half the maximum), households/s | ${String(a.pacedRatePerSecond)} |`,
    `| result -> F1 isolation orders, ms p50 / p90 / p99 / max | ${latency.p50} / ${latency.p90} / ${latency.p99} / ${latency.max} |`,
    `| goal p50 <= 50 ms, p99 <= 250 ms | ${figures.goals.p50Met ? 'met' : 'missed'} / ${figures.goals.p99Met ? 'met' : 'missed'} |`,
    ...(floor
      ? [
          `| raw kafkajs produce -> consume, ms p50 / p99 (one hop) | ${floor.p50} / ${floor.p99} |`,
          `| latency / three raw hops, p50 / p99 | ${String(figures.latencyOverThreeRawHops?.p50)} / ${String(figures.latencyOverThreeRawHops?.p99)} |`,
        ]
      : []),
    `| resident memory (service + bench client), MB | ${String(a.residentMemoryMB)} |`,
    `| graph: persons / contacts | ${String(b.persons)} / ${String(b.contacts)} |`,
    `| graph: index build, s | ${String(b.buildSeconds)} |`,
    `| depth-2 query, ms p50 / p99 (mean ${String(b.meanReached)} people reached) | ${g.p50} / ${g.p99} |`,
    `| graph index, MB (resident, MB) | ${String(b.indexMB)} (${String(b.residentMB)}) |`,
  ];
  console.log(lines.join('\n'));
  const dir = path.resolve(__dirname, '../results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `case-graph-${figures.mode}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
