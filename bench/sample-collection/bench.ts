/**
 * sample-collection: samples per second through the bulk gRPC API -> stored -> SampleCollected
 * published, beside a raw driver insertMany of the same documents on the same store in the same
 * run; prints both, the ratio (goal >= 0.5) and resident memory.
 *
 *   set -a; eval "$(deploy/local/up.sh --print-env)"; set +a
 *   BENCH_PERSONS=2000 BENCH_POOL=5 npx tsx bench/sample-collection/bench.ts
 */
import { ON_A_TEST_MACHINE } from '../../test/harness/one-machine';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KafkaBus } from '@truyvet/bus';
import { topics } from '@truyvet/events';
import { createClient, DEV_SIGNING_KEY, issueToken, loadGrpcObject, writeClientStream } from '@truyvet/grpc';
import type { PersonsProto, SamplesProto } from '@truyvet/grpc/samples';
import { configSchema, start } from '@truyvet/sample-collection';
import { connectMongo } from '@truyvet/store';

const brokers = process.env.KAFKA_BROKERS;
const mongoUri = process.env.MONGODB_URI;
const persons = Number(process.env.BENCH_PERSONS ?? 2_000);
const poolSize = Number(process.env.BENCH_POOL ?? 5);

async function main(): Promise<void> {
  if (!brokers || !mongoUri)
    throw new Error('set KAFKA_BROKERS and MONGODB_URI (deploy/local/up.sh --print-env)');
  const db = `bench-sc-${randomUUID().slice(0, 8)}`;
  const bus = new KafkaBus({ brokers: brokers.split(','), clientId: 'bench-sample-collection' });
  const running = await start(
    configSchema.parse({
      TRUYVET_MODE: 'real',
      KAFKA_BROKERS: brokers,
      MONGODB_URI: mongoUri,
      MONGODB_DB: db,
      ...ON_A_TEST_MACHINE,
      PERSON_ID_SECRET: 'bench-person-id-secret',
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: 0,
      LOG_LEVEL: 'error',
    }),
    { bus },
  );
  const address = `127.0.0.1:${running.grpcPort}`;
  const token = await issueToken(DEV_SIGNING_KEY, {
    sub: 'bench',
    role: 'district_center',
    jurisdiction: { level: 'district', code: '916' },
  });
  const registry = createClient(
    loadGrpcObject<PersonsProto>('truyvet/samples/v1/persons.proto').truyvet.samples.v1.PersonRegistry,
    address,
    { token },
  );
  const collection = createClient(
    loadGrpcObject<SamplesProto>('truyvet/samples/v1/samples.proto').truyvet.samples.v1.SampleCollection,
    address,
    { token },
  );
  const run = String(1000 + Math.floor(Math.random() * 9000));

  console.log(
    `bench/sample-collection: ${persons} persons, pools of ${poolSize}, Kafka ${brokers}, ${mongoUri}`,
  );
  const published = new Set<string>();
  const personEvents = new Set<string>();
  const watcher = await bus.subscribe({
    groupId: `bench-watch-${run}`,
    topics: [topics.samples.topic, topics.persons.topic],
    handler: (m) => {
      if (m.topic === topics.persons.topic) personEvents.add(m.key ?? '');
      else if (m.key?.startsWith(`s-B${run}-`)) published.add(m.key);
      return Promise.resolve();
    },
  });
  let t = performance.now();
  const imported = await writeClientStream(
    registry,
    'ImportPersons',
    Array.from({ length: persons }, (_, i) => ({
      details: {
        fullName: `Người ${run} ${i}`,
        birthYear: 1940 + (i % 70),
        phone: `09${run}${String(i).padStart(4, '0')}`,
        address: { districtCode: '916', wardCode: '31117' },
      },
    })),
  );
  const registerSeconds = (performance.now() - t) / 1000;
  const personIds = imported.results.map((r) => r.outcome?.registered?.personId ?? '');
  // The next stage starts once every PersonRegistered is on Kafka, so stages are timed apart.
  while (personIds.some((id) => !personEvents.has(id))) await new Promise((r) => setTimeout(r, 20));
  const registerPipelineSeconds = (performance.now() - t) / 1000;
  console.log(
    `registered ${imported.registered} persons in ${registerSeconds.toFixed(1)} s (${(imported.registered / registerSeconds).toFixed(0)}/s), all PersonRegistered on Kafka after ${registerPipelineSeconds.toFixed(1)} s`,
  );

  const tubes = [];
  for (let i = 0; i + poolSize <= personIds.length; i += poolSize) {
    tubes.push({
      barcode: `B${run}-${String(i).padStart(6, '0')}`,
      pooled: poolSize > 1,
      personIds: personIds.slice(i, i + poolSize),
      collectedAt: new Date(Date.now() - 60_000).toISOString(),
      site: { districtCode: '916', wardCode: '31117' },
      reason: 'mass_testing',
      specimenType: 'oropharyngeal',
    });
  }
  t = performance.now();
  const collected = await writeClientStream(collection, 'CollectSamples', tubes);
  const acceptedSeconds = (performance.now() - t) / 1000;
  while (published.size < collected.accepted) await new Promise((resolve) => setTimeout(resolve, 20));
  const pipelineSeconds = (performance.now() - t) / 1000;
  await watcher.stop();
  const rss = process.memoryUsage().rss;

  // The raw ceiling: the same documents, insertMany in batches of 1,000, same server, same run.
  const mongo = await connectMongo(mongoUri, db);
  const docs = tubes.map((tube) => ({
    _id: `raw-${tube.barcode}`,
    agg: tube.barcode,
    v: 1,
    state: tube,
    events: [{ topic: topics.samples.topic, event: tube }],
    at: new Date(),
  }));
  t = performance.now();
  for (let i = 0; i < docs.length; i += 1_000)
    await mongo.db.collection('raw_samples').insertMany(docs.slice(i, i + 1_000) as never);
  const rawSeconds = (performance.now() - t) / 1000;

  const rows = {
    personsRegisteredPerSecond: Number((imported.registered / registerSeconds).toFixed(1)),
    personsPipelinePerSecond: Number((imported.registered / registerPipelineSeconds).toFixed(1)),
    tubes: tubes.length,
    accepted: collected.accepted,
    rejected: collected.rejected,
    apiSamplesPerSecond: Number((collected.accepted / acceptedSeconds).toFixed(1)),
    pipelineSamplesPerSecond: Number((collected.accepted / pipelineSeconds).toFixed(1)),
    rawInsertManyPerSecond: Number((docs.length / rawSeconds).toFixed(1)),
    ratio: Number((collected.accepted / pipelineSeconds / (docs.length / rawSeconds)).toFixed(3)),
    residentMemoryMB: Math.round(rss / 1_048_576),
  };
  console.log('\n| measure | value |\n|---|---:|');
  console.log(
    `| persons/s registered through ImportPersons (stored, outbox written) | ${rows.personsRegisteredPerSecond} |`,
  );
  console.log(`| persons/s end to end (PersonRegistered on Kafka) | ${rows.personsPipelinePerSecond} |`);
  console.log(
    `| tubes collected through CollectSamples (pools of ${poolSize}) | ${rows.accepted} of ${rows.tubes} |`,
  );
  console.log(`| samples/s accepted by the API (stored, outbox written) | ${rows.apiSamplesPerSecond} |`);
  console.log(`| samples/s end to end (SampleCollected on Kafka) | ${rows.pipelineSamplesPerSecond} |`);
  console.log(`| raw insertMany of the same documents, docs/s | ${rows.rawInsertManyPerSecond} |`);
  console.log(`| ratio end to end / raw (goal >= 0.5) | ${rows.ratio} |`);
  console.log(`| resident memory of this process (service + bench client), MB | ${rows.residentMemoryMB} |`);
  const out = path.join(__dirname, '../results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, 'sample-collection.json'),
    `${JSON.stringify({ at: new Date().toISOString(), persons, poolSize, ...rows }, null, 2)}\n`,
  );

  registry.close();
  collection.close();
  await running.stop();
  await bus.close();
  await mongo.db.dropDatabase();
  await mongo.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
