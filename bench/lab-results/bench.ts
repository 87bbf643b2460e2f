/**
 * lab-results: a batch of results (individual tubes and pools) from the bulk gRPC import to every
 * person result, pool result and re-test order published on Kafka, beside a raw driver insertMany
 * of as many documents on the same store in the same run; prints throughput, the ratio and
 * resident memory. The tubes are announced first (SampleCollected, as sample-collection would) and
 * their intake by the lab is timed on its own.
 *
 *   set -a; eval "$(deploy/local/up.sh --print-env)"; set +a
 *   BENCH_TUBES=10000 BENCH_POOLED=0.2 BENCH_POSITIVITY=0.02 npx tsx bench/lab-results/bench.ts
 */
import { ON_A_TEST_MACHINE } from '../../test/harness/one-machine';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eventMessage, headers, KafkaBus } from '@truyvet/bus';
import { createEvent, SampleCollectedV1, topics } from '@truyvet/events';
import {
  createClient,
  DEV_SIGNING_KEY,
  issueToken,
  loadGrpcObject,
  unaryCall,
  writeClientStream,
} from '@truyvet/grpc';
import type { LabProto, RecordResultRequest } from '@truyvet/grpc/lab';
import { configSchema, start, vietnamDay } from '@truyvet/lab-results';
import { connectMongo } from '@truyvet/store';

const brokers = process.env.KAFKA_BROKERS;
const mongoUri = process.env.MONGODB_URI;
const tubes = Number(process.env.BENCH_TUBES ?? 10_000);
const pooledShare = Number(process.env.BENCH_POOLED ?? 0.2);
const positivity = Number(process.env.BENCH_POSITIVITY ?? 0.02);
const POOL_SIZE = 5;
const POSITIVE_CT: Record<string, number> = { E: 24.1, N: 25.3 };
const NOT_DETECTED: Record<string, number> = {};

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 1_800_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main(): Promise<void> {
  if (!brokers || !mongoUri)
    throw new Error('set KAFKA_BROKERS and MONGODB_URI (deploy/local/up.sh --print-env)');
  const db = `bench-lab-${randomUUID().slice(0, 8)}`;
  const bus = new KafkaBus({ brokers: brokers.split(','), clientId: 'bench-lab-results' });
  const running = await start(
    configSchema.parse({
      TRUYVET_MODE: 'real',
      KAFKA_BROKERS: brokers,
      MONGODB_URI: mongoUri,
      MONGODB_DB: db,
      ...ON_A_TEST_MACHINE,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: 0,
      LOG_LEVEL: 'error',
    }),
    { bus },
  );
  const token = await issueToken(DEV_SIGNING_KEY, {
    sub: 'bench',
    role: 'lab',
    jurisdiction: { level: 'city', code: '92' },
  });
  const results = createClient(
    loadGrpcObject<LabProto>('truyvet/lab/v1/lab.proto').truyvet.lab.v1.Results,
    `127.0.0.1:${running.grpcPort}`,
    { token },
  );
  const run = String(1000 + Math.floor(Math.random() * 9000));
  console.log(
    `bench/lab-results: ${tubes} tubes (${Math.round(pooledShare * 100)}% pools of ${POOL_SIZE}), positivity ${positivity}, Kafka ${brokers}, ${mongoUri}`,
  );

  // The tubes, as the districts announce them.
  const collectedAt = new Date(Date.now() - 3_600_000).toISOString();
  const plan = Array.from({ length: tubes }, (_, i) => {
    const pooled = i < tubes * pooledShare;
    const barcode = `LB${run}-${String(i).padStart(6, '0')}`;
    const personIds = Array.from({ length: pooled ? POOL_SIZE : 1 }, (_, j) => `p-${run}-${i}-${j}`);
    return { barcode, pooled, personIds, positive: (i * 7919) % 1000 < positivity * 1000 };
  });
  let t = performance.now();
  for (let i = 0; i < plan.length; i += 1_000) {
    await bus.publish(
      plan.slice(i, i + 1_000).map((p) =>
        eventMessage({
          topic: topics.samples.topic,
          event: createEvent(SampleCollectedV1, {
            sampleId: `s-${p.barcode}`,
            barcode: p.barcode,
            pooled: p.pooled,
            personIds: p.personIds,
            collectedAt,
            site: { districtCode: '916' },
            reason: 'mass_testing',
            specimenType: 'oropharyngeal',
          }),
        }),
      ),
    );
  }
  const date = vietnamDay(collectedAt);
  await until('every tube known at the lab', async () => {
    const day = await unaryCall(results, 'GetTurnaround', { districtCode: '916', date });
    return day.collected >= tubes;
  });
  const intakeSeconds = (performance.now() - t) / 1000;
  console.log(
    `intake: ${tubes} SampleCollected consumed by the lab in ${intakeSeconds.toFixed(1)} s (${(tubes / intakeSeconds).toFixed(0)}/s)`,
  );

  // What the results must publish.
  let expectedPersonResults = 0;
  let expectedPools = 0;
  let expectedOrders = 0;
  for (const p of plan) {
    if (p.pooled) {
      expectedPools++;
      if (p.positive) expectedOrders += p.personIds.length;
      else expectedPersonResults += p.personIds.length;
    } else expectedPersonResults++;
  }
  const counts = { person: 0, pool: 0, order: 0 };
  const ids = new Set<string>();
  const watcher = await bus.subscribe({
    groupId: `bench-watch-${run}`,
    topics: [topics.labResults.topic, topics.testOrders.topic],
    handler: (m) => {
      const id = m.headers[headers.eventId] ?? '';
      if (!m.value.includes(`LB${run}-`) || ids.has(id)) return Promise.resolve();
      ids.add(id);
      const type = m.headers[headers.eventType];
      if (type === 'PersonTestResulted') counts.person++;
      else if (type === 'PoolResulted') counts.pool++;
      else if (type === 'TestOrdered') counts.order++;
      return Promise.resolve();
    },
  });

  const rows: RecordResultRequest[] = plan.map((p) => ({
    barcode: p.barcode,
    method: 'rt_pcr',
    kitId: 'allplex-2019-ncov',
    ctValues: p.positive ? POSITIVE_CT : NOT_DETECTED,
    runId: `plate-${Math.floor(Number(p.barcode.slice(-6)) / 96)}`,
  }));
  t = performance.now();
  const recorded = await writeClientStream(results, 'RecordResults', rows);
  const apiSeconds = (performance.now() - t) / 1000;
  await until(
    'every result event on Kafka',
    () =>
      counts.person >= expectedPersonResults &&
      counts.pool >= expectedPools &&
      counts.order >= expectedOrders,
  );
  const pipelineSeconds = (performance.now() - t) / 1000;
  await watcher.stop();
  const rss = process.memoryUsage().rss;

  // The raw ceiling: as many documents (a tube with its result), insertMany in batches of 1,000.
  const mongo = await connectMongo(mongoUri, db);
  const docs = rows.map((row, i) => ({
    _id: `raw-${row.barcode}`,
    v: 1,
    state: { ...row, personIds: plan[i]?.personIds },
    at: new Date(),
  }));
  t = performance.now();
  for (let i = 0; i < docs.length; i += 1_000)
    await mongo.db.collection('raw_results').insertMany(docs.slice(i, i + 1_000) as never);
  const rawSeconds = (performance.now() - t) / 1000;

  const figures = {
    tubes,
    pools: expectedPools,
    accepted: recorded.accepted,
    rejected: recorded.rejected,
    personResultsPublished: counts.person,
    poolResultsPublished: counts.pool,
    retestOrdersPublished: counts.order,
    intakeTubesPerSecond: Number((tubes / intakeSeconds).toFixed(1)),
    apiTubesPerSecond: Number((recorded.accepted / apiSeconds).toFixed(1)),
    pipelineTubesPerSecond: Number((recorded.accepted / pipelineSeconds).toFixed(1)),
    rawInsertManyPerSecond: Number((docs.length / rawSeconds).toFixed(1)),
    ratio: Number((recorded.accepted / pipelineSeconds / (docs.length / rawSeconds)).toFixed(3)),
    residentMemoryMB: Math.round(rss / 1_048_576),
  };
  console.log('\n| measure | value |\n|---|---:|');
  console.log(
    `| tubes resulted through RecordResults (${expectedPools} pools) | ${figures.accepted} of ${tubes} |`,
  );
  console.log(
    `| events published: person results / pool results / re-test orders | ${counts.person} / ${counts.pool} / ${counts.order} |`,
  );
  console.log(`| tubes/s taken in by the lab (SampleCollected consumed) | ${figures.intakeTubesPerSecond} |`);
  console.log(`| tubes/s recorded by the API (stored, outbox written) | ${figures.apiTubesPerSecond} |`);
  console.log(`| tubes/s end to end (every result event on Kafka) | ${figures.pipelineTubesPerSecond} |`);
  console.log(`| raw insertMany of as many documents, docs/s | ${figures.rawInsertManyPerSecond} |`);
  console.log(`| ratio end to end / raw (goal >= 0.5) | ${figures.ratio} |`);
  console.log(
    `| resident memory of this process (service + bench client), MB | ${figures.residentMemoryMB} |`,
  );
  const out = path.join(__dirname, '../results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, 'lab-results.json'),
    `${JSON.stringify({ at: new Date().toISOString(), pooledShare, positivity, ...figures }, null, 2)}\n`,
  );

  results.close();
  await running.stop();
  await bus.close();
  await mongo.db.dropDatabase();
  await mongo.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
