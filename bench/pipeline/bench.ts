/**
 * The whole pipeline, measured: a reproducible city (1.2 million people in households over Can
 * Tho's wards) loaded into the stores (./city-loader.ts), a share of it swabbed (pooled and single
 * tubes) and driven through the four services' gRPC APIs, the services running as separate
 * processes on a Kafka broker and a FerretDB of the benchmark's own (deploy/local, wiped at start). Stage by stage
 * (register, collect, dispatch, accession + results, then cases, contacts, isolation and test
 * orders) it waits until every consumer has caught up, and prints per stage and end to end:
 * throughput, the documents and events each item costs, and the ratio to the raw ceiling of those
 * writes measured on the same servers in the same run (kafkajs produce + consume of as many
 * messages of the same size, driver `insertMany` of as many documents of the same size); consumer
 * lag, memory and CPU per process over time; result published -> F1 isolation orders published
 * (p50/p90/p99/max) at full speed and paced at half the measured maximum. Then the same with two
 * case-graph instances in one consumer group (scale-out), with duplicates counted.
 *
 *   npm run bench                                   # 1,000 + 1,600 people swabbed, 1 and 2 case-graph instances
 *   BENCH_SAMPLED=2000 BENCH_INSTANCES=1 npm run bench
 *
 * Writes bench/results/pipeline.json, pipeline.md and pipeline.html (latency and lag over time).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { allTopics } from '@truyvet/events';
import { connectMongo } from '@truyvet/store';
import { cityHouseholds, describeCity, type Household } from '../../scripts/scenario/city';
import { expectedOutcome, runCityFlow, type CityFlowOutcome } from '../../scripts/scenario/city-flow';
import { CONSUMED, ServiceFleet, SERVICES } from '../../test/harness/fleet';
import { BusLedger } from '../../test/harness/ledger';
import { LagProbe } from '../../test/harness/lag';
import { LocalServers } from '../../test/harness/local-servers';
import { Sampler } from '../../test/harness/sampler';
import { CityCache } from './city-cache';
import { loadCity, type CityLoad } from './city-loader';
import { renderHtml, renderMarkdown } from './report';
import { unaryCall } from '@truyvet/grpc';
import { clientsFor, type ServicePorts } from '../../scripts/scenario/clients';
import { roles } from '../../scripts/scenario/mass-testing';

const ROOT = path.resolve(__dirname, '../..');
const SEED = Number(process.env.BENCH_SEED ?? 2021);
const CITY = Number(process.env.BENCH_CITY_PERSONS ?? 1_200_000);
const SAMPLED = Number(process.env.BENCH_SAMPLED ?? 1_000);
/**
 * People swabbed for the paced latency phase, households of their own after the measured stages:
 * about 1,000 results (tubes) at 1.57 people a tube, so the latency percentiles rest on a
 * thousand results at half the capacity measured just before, not on a few dozen.
 */
const PACED_SAMPLED = Number(process.env.BENCH_PACED_SAMPLED ?? 1_600);
const POOLED_SHARE = Number(process.env.BENCH_POOLED_SHARE ?? 0.5);
const POSITIVITY = Number(process.env.BENCH_POSITIVITY ?? 0.03);
// The paced phase measures latency: more positives there give more latencies (the result rate,
// the load that matters, is set by the pacing, not by the share positive).
const PACED_POSITIVITY = Number(process.env.BENCH_PACED_POSITIVITY ?? 0.2);
const INSTANCES = (process.env.BENCH_INSTANCES ?? '1,2').split(',').map(Number);
/** The results' file name in bench/results (pipeline.json, .md, .html). */
const OUT = process.env.BENCH_OUT ?? 'pipeline';
/**
 * People taken through every stage before each configuration is measured, not counted: the broker
 * (a JVM) and the services (V8) start cold, and their compilers took up to 0.4 of a core during the
 * first stages of a cold run, on a machine of two (a JFR recording of the broker). Production runs
 * warm; so does the raw ceiling, measured after the stages.
 */
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 400);
const WARM_UP_POSITIVITY = 0.1; // enough positives to take the cascades through the compilers too
/** Load the whole city before the run (BENCH_LOAD_CITY=0: only the swabbed households, for a quick look). */
const LOAD_CITY = process.env.BENCH_LOAD_CITY !== '0';

const say = (line: string) => process.stdout.write(`${line}\n`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function percentiles(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** At most `points` of a series sampled every second (the JSON stays small, the plot keeps its shape). */
function thin<T>(list: readonly T[], points = 400): T[] {
  const step = Math.max(1, Math.ceil(list.length / points));
  return list.filter((_, i) => i % step === 0 || i === list.length - 1);
}

/**
 * Documents the services have written so far (inserted or updated; deletes not counted), summed from
 * their store traces (TRUYVET_STORE_TRACE, one file per process). Counting the collections would
 * read every document of the city on FerretDB, minutes per call.
 */
/** What the services asked of the store so far (their command traces): documents written, commands by service. */
function storeFootprint(traceDir: string): { documents: number; commands: Record<string, number> } {
  let documents = 0;
  const commands: Record<string, number> = {};
  for (const file of readdirSync(traceDir).filter((f) => f.endsWith('.jsonl'))) {
    // <service>-bench-<service>-<pid>.jsonl: an instance's commands count for its service.
    const service = file.split('-bench-')[0] ?? file;
    for (const line of readFileSync(path.join(traceDir, file), 'utf8').split('\n')) {
      if (!line) continue;
      const command = JSON.parse(line) as { cmd: string; n: number; failed: boolean };
      commands[service] = (commands[service] ?? 0) + 1;
      if (!command.failed && (command.cmd === 'insert' || command.cmd === 'update')) documents += command.n;
    }
  }
  return { documents, commands };
}

/** What the servers hold: messages on the streams, and the documents the services wrote. */
async function footprint(servers: LocalServers, traceDir: string) {
  const kafka = new Kafka({
    brokers: servers.brokers,
    clientId: 'bench-footprint',
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  let messages = 0;
  for (const t of allTopics) {
    for (const p of await admin.fetchTopicOffsets(t.topic)) messages += Number(p.offset) - Number(p.low);
  }
  await admin.disconnect();
  return { messages, ...storeFootprint(traceDir) };
}

async function waitUntilSettled(probe: LagProbe, timeoutMs = 1_800_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // Two looks in a row with nothing left: a relay may publish what a handler caused just after the
  // handler's offset was committed.
  let zeros = 0;
  for (;;) {
    const lag = await probe.totalLag(CONSUMED);
    zeros = lag === 0 ? zeros + 1 : 0;
    if (zeros >= 2) return;
    if (Date.now() > deadline) throw new Error(`consumers still ${lag} messages behind`);
    // Often enough to see a stage settle within a fifth of a second, seldom enough not to load the
    // broker being measured (each look asks it for every topic's ends and every group's offsets).
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Raw kafkajs: produce (sendBatch of 1,000, acks=all) then consume (eachBatch) `count` messages of `bytes`. */
async function kafkaCeiling(brokers: string[], count: number, bytes: number) {
  const kafka = new Kafka({ brokers, clientId: 'bench-raw', logLevel: logLevel.NOTHING });
  const topic = `bench.raw.${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 12 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const value = 'x'.repeat(bytes);
  const started = Date.now();
  for (let i = 0; i < count; i += 1_000) {
    const n = Math.min(1_000, count - i);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [
        { topic, messages: Array.from({ length: n }, (_, k) => ({ key: `k${i + k}`, value })) },
      ],
    });
  }
  const produced = Date.now();
  const consumer = kafka.consumer({ groupId: `${topic}-reader`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: ({ batch }) => {
        seen += batch.messages.length;
        if (seen >= count) resolve();
        return Promise.resolve();
      },
    });
  });
  await done;
  const consumed = Date.now();
  await consumer.disconnect();
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return {
    messages: count,
    bytes,
    producePerSecond: round(count / ((produced - started) / 1000)),
    consumePerSecond: round(count / ((consumed - produced) / 1000)),
    perSecond: round(count / ((consumed - started) / 1000)),
  };
}

/** Raw driver: insertMany (1,000 a call) of `count` documents of about `bytes` each. */
async function mongoCeiling(uri: string, count: number, bytes: number) {
  const mongo = await connectMongo(uri, `bench-raw-${Date.now()}`);
  const collection = mongo.db.collection<{ _id: string; body: string }>('raw');
  const body = 'x'.repeat(Math.max(16, bytes - 40));
  const started = Date.now();
  for (let i = 0; i < count; i += 1_000) {
    const n = Math.min(1_000, count - i);
    await collection.insertMany(Array.from({ length: n }, (_, k) => ({ _id: `doc-${i + k}`, body })));
  }
  const ms = Date.now() - started;
  await mongo.db.dropDatabase();
  await mongo.close();
  return { documents: count, bytes, perSecond: round(count / (ms / 1000)) };
}

/** Mean size of the stored documents (a sample of each collection) and of the events. */
async function meanSizes(servers: LocalServers, run: string, ledger: BusLedger) {
  const mongo = await connectMongo(servers.mongoUri, `${run}-case-graph`);
  let bytes = 0;
  let docs = 0;
  for (const service of SERVICES) {
    const db = mongo.client.db(`${run}-${service}`);
    for (const c of await db.listCollections({}, { nameOnly: true }).toArray()) {
      for (const doc of await db.collection(c.name).find().limit(50).toArray()) {
        bytes += JSON.stringify(doc).length;
        docs++;
      }
    }
  }
  await mongo.close();
  const events = ledger.entries.slice(0, 5_000);
  const eventBytes = events.reduce((n, e) => n + JSON.stringify(e.data).length + 250, 0);
  return {
    documentBytes: Math.round(bytes / Math.max(1, docs)),
    eventBytes: Math.round(eventBytes / Math.max(1, events.length)),
  };
}

/** Calls each view up to this many times, or for this long, whichever comes first. */
const VIEW_CALLS = 100;
const VIEW_BUDGET_MS = 60_000;

/**
 * The operators' views with the city and the run's cases in the stores: the steering committee's
 * daily report for the whole city, and a ward's isolation list (the ward of a positive of the run),
 * one call after another, as a console would make them.
 */
async function timeViews(ports: ServicePorts, ward: { districtCode: string; wardCode: string }) {
  const city = await clientsFor(roles(ward.districtCode).city, ports);
  const district = await clientsFor(roles(ward.districtCode).district, ports);
  const timed = async (call: () => Promise<unknown>) => {
    const ms: number[] = [];
    let failed: string | undefined;
    const until = Date.now() + VIEW_BUDGET_MS;
    while (ms.length < VIEW_CALLS && Date.now() < until) {
      const started = performance.now();
      try {
        await call();
      } catch (error) {
        failed = error instanceof Error ? error.message : String(error); // e.g. past its deadline
        break;
      }
      ms.push(Math.round(performance.now() - started));
    }
    return { ...percentiles(ms), ...(failed ? { failed } : {}) };
  };
  try {
    const dailyReport = await timed(() =>
      unaryCall(city.reports, 'GetDailyReport', { area: { level: 'city', code: '92' } }),
    );
    let listed = 0;
    const isolationList = await timed(async () => {
      const answer = await unaryCall(district.isolation, 'ListInIsolation', ward);
      listed = answer.people.length;
    });
    return { dailyReport, isolationList: { ...isolationList, ward: ward.wardCode, people: listed } };
  } finally {
    city.close();
    district.close();
  }
}

interface StageFigure {
  stage: string;
  items: number;
  apiMs: number;
  settledMs: number;
  perSecond: number;
  documentsPerItem: number;
  /** Store commands each service sent per item (every command costs the server its own transaction). */
  commandsPerItem: Record<string, number>;
  eventsPerItem: number;
  ceilingPerSecond: number;
  ratio: number;
}

/** result published -> the last F1 isolation order of the household published, per positive single tube. */
function latencies(outcome: CityFlowOutcome, households: readonly Household[], ledger: BusLedger) {
  const expected = expectedOutcome(outcome.tubes, households, outcome.personIds);
  const resulted = new Map<string, number>();
  for (const e of ledger.of('PersonTestResulted'))
    if (e.data.outcome === 'positive' && !e.data.pooled) {
      const id = String(e.data.personId);
      if (!resulted.has(id)) resulted.set(id, e.at);
    }
  const lastOrder = new Map<string, number>();
  for (const e of ledger.of('IsolationOrdered')) {
    const f0 = expected.f0Household.get(String(e.data.personId));
    if (f0 && e.data.reason === 'contact') lastOrder.set(f0, Math.max(lastOrder.get(f0) ?? 0, e.at));
  }
  // Where the time goes: the case's confirmation on the way (result -> case, case -> F1 orders).
  const confirmed = new Map<string, number>();
  for (const e of ledger.of('CaseConfirmed')) {
    const id = String(e.data.personId);
    if (!confirmed.has(id)) confirmed.set(id, e.at);
  }
  const points: Array<{ t: number; ms: number; toCaseMs: number }> = [];
  for (const [f0, at] of lastOrder) {
    const from = resulted.get(f0);
    if (from) points.push({ t: from, ms: at - from, toCaseMs: (confirmed.get(f0) ?? at) - from });
  }
  return { points, expected };
}

/** Takes households through every stage and waits until everything they cause is done. */
async function warmUp(ports: ServicePorts, households: Household[], brokers: string[]): Promise<void> {
  if (households.length === 0) return;
  const started = Date.now();
  const probe = new LagProbe(brokers);
  try {
    const outcome = await runCityFlow(ports, {
      households,
      pooledShare: POOLED_SHARE,
      positivity: WARM_UP_POSITIVITY,
      seed: SEED + 2,
      tag: 'W',
    });
    await waitUntilSettled(probe);
    say(
      `  warm-up (not counted): ${outcome.personIds.size} people, ${outcome.tubes.length} tubes through every stage in ${Date.now() - started} ms`,
    );
  } finally {
    await probe.close().catch(() => undefined);
  }
}

async function runConfiguration(
  instances: number,
  main: Household[],
  paced: Household[],
  warmUpHouseholds: Household[],
  servers: LocalServers,
  data: string,
  traceDir: string,
) {
  const run = `bench-${instances}x-${Date.now().toString(36)}`;
  const fleet = await new ServiceFleet({
    brokers: servers.brokers,
    mongoUri: servers.mongoUri,
    // The databases the city was loaded into; every configuration goes on where the last stopped.
    run: data,
    // Every store command of the services is logged there: the documents each stage writes.
    env: { TRUYVET_STORE_TRACE: traceDir },
    // info: the fleet waits for each service's "serving" line (a call is one line: bulk calls are few).
    logLevel: 'info',
  }).start(instances);
  say(`\n## ${instances} case-graph instance${instances > 1 ? 's' : ''} (run ${run})`);
  try {
    await warmUp(fleet.ports, warmUpHouseholds, servers.brokers);
  } catch (error) {
    say(`warm-up failed; the services' last lines:\n${fleet.tail(8)}`);
    await fleet.stop();
    throw error;
  }
  const ledger = new BusLedger(servers.brokers, `${run}-ledger`);
  await ledger.start([]);
  const t0 = Date.now();
  const sampler = new Sampler(
    servers.brokers,
    () => ({
      ...Object.fromEntries(fleet.list().map((i) => [i.name, i.child.pid])),
      kafka: servers.pid('kafka'),
      ferretdb: servers.pid('ferretdb'),
    }),
    CONSUMED,
    t0,
  ).start();
  const stages: StageFigure[] = [];
  const marks: Array<{ stage: string; from: number; to: number }> = [];
  const probe = new LagProbe(servers.brokers);
  try {
    const atStart = await footprint(servers, traceDir);
    let before = atStart;
    let stageStart = Date.now();
    const settle = async (stage: string, items: number, apiMs: number) => {
      await waitUntilSettled(probe);
      const settledMs = Date.now() - stageStart;
      const after = await footprint(servers, traceDir);
      stages.push({
        stage,
        items,
        apiMs,
        settledMs,
        perSecond: round(items / (settledMs / 1000)),
        documentsPerItem: round((after.documents - before.documents) / items, 2),
        commandsPerItem: Object.fromEntries(
          Object.entries(after.commands).map(([service, n]) => [
            service,
            round((n - (before.commands[service] ?? 0)) / items, 2),
          ]),
        ),
        eventsPerItem: round((after.messages - before.messages) / items, 2),
        ceilingPerSecond: 0,
        ratio: 0,
      });
      marks.push({ stage, from: (stageStart - t0) / 1000, to: (Date.now() - t0) / 1000 });
      say(`  ${stage}: ${items} in ${apiMs} ms at the API, settled in ${settledMs} ms`);
      before = after;
      stageStart = Date.now();
    };
    const outcome = await runCityFlow(fleet.ports, {
      households: main,
      pooledShare: POOLED_SHARE,
      positivity: POSITIVITY,
      seed: SEED,
      tag: 'B',
      between: async (timing) => {
        await settle(timing.stage, timing.items, timing.ms);
      },
    });
    // The results' consequences (cases, contacts, isolation and test orders) are in the last stage's
    // settling: split them out by when the last F1 order went out.
    const { points: fullSpeed, expected } = latencies(outcome, main, ledger);
    const resultsStage = stages.find((s) => s.stage === 'accession and record results');
    const maxResultsPerSecond = resultsStage ? resultsStage.items / (resultsStage.apiMs / 1000) : 1;

    // Paced: the same flow on the rest, results at half the measured maximum.
    const pacedRate = maxResultsPerSecond / 2;
    stageStart = Date.now();
    const pacedOutcome = await runCityFlow(fleet.ports, {
      households: paced,
      pooledShare: POOLED_SHARE,
      positivity: PACED_POSITIVITY,
      seed: SEED + 1,
      tag: 'Q',
      resultsPerSecond: pacedRate,
      concurrency: 1,
    });
    await waitUntilSettled(probe);
    await ledger.catchUp();
    const { points: pacedPoints } = latencies(pacedOutcome, paced, ledger);
    const t1 = Date.now();

    // Correctness under scale-out: one case per person, one isolation order per person and kind.
    const cases = ledger.distinctBy('CaseConfirmed', (d) => String(d.personId));
    const doubledCases = [...cases.values()].filter((ids) => ids.size > 1).length;
    const orders = ledger.distinctBy('IsolationOrdered', (d) => `${String(d.personId)}|${String(d.kind)}`);
    const doubledOrders = [...orders.values()].filter((ids) => ids.size > 1).length;
    const mainCases = [...expected.f0].filter((id) => cases.has(id)).length;

    const positive = [...outcome.tubes, ...pacedOutcome.tubes].find((t) => t.positive);
    const views = await timeViews(fleet.ports, {
      districtCode: positive?.districtCode ?? main[0]?.districtCode ?? '916',
      wardCode: positive?.wardCode ?? main[0]?.wardCode ?? '',
    });
    say(`  views: ${JSON.stringify(views)}`);

    // The ceilings, on the same servers, for as many messages and documents as this configuration made.
    const atEnd = await footprint(servers, traceDir);
    const totals = {
      messages: atEnd.messages - atStart.messages,
      documents: atEnd.documents - atStart.documents,
    };
    const sizes = await meanSizes(servers, data, ledger);
    const kafkaRaw = await kafkaCeiling(servers.brokers, totals.messages, sizes.eventBytes);
    const mongoRaw = await mongoCeiling(servers.mongoUri, totals.documents, sizes.documentBytes);
    for (const s of stages) {
      // The raw cost of one item: its documents through insertMany, its events produced and consumed.
      const seconds = s.documentsPerItem / mongoRaw.perSecond + s.eventsPerItem / kafkaRaw.perSecond;
      s.ceilingPerSecond = round(seconds > 0 ? 1 / seconds : 0);
      s.ratio = round(s.ceilingPerSecond > 0 ? s.perSecond / s.ceilingPerSecond : 0, 3);
    }
    const samplesStages = stages.filter((s) => s.stage !== 'register persons');
    const samplesSeconds = samplesStages.reduce((n, s) => n + s.settledMs, 0) / 1000;
    const tubes = outcome.tubes.length;
    const endToEnd = {
      tubes,
      people: outcome.personIds.size,
      seconds: round(samplesSeconds),
      samplesPerSecond: round(tubes / samplesSeconds),
      projectedSecondsFor1M: round(1_000_000 / (tubes / samplesSeconds)),
      withRegistrationSeconds: round(stages.reduce((n, s) => n + s.settledMs, 0) / 1000),
    };
    const result = {
      instances,
      run,
      stages,
      endToEnd,
      latency: {
        fullSpeed: {
          ...percentiles(fullSpeed.map((p) => p.ms)),
          resultsPerSecond: round(maxResultsPerSecond),
          toCase: percentiles(fullSpeed.map((p) => p.toCaseMs)),
        },
        paced: {
          ...percentiles(pacedPoints.map((p) => p.ms)),
          resultsPerSecond: round(pacedRate),
          results: pacedOutcome.tubes.length,
          toCase: percentiles(pacedPoints.map((p) => p.toCaseMs)),
        },
        points: [
          ...fullSpeed.map((p) => ({ phase: 'full speed', t: round((p.t - t0) / 1000), ms: p.ms })),
          ...pacedPoints.map((p) => ({ phase: 'paced', t: round((p.t - t0) / 1000), ms: p.ms })),
        ],
      },
      correctness: {
        expectedCases: expected.f0.size,
        casesSeen: mainCases,
        personsWithTwoCases: doubledCases,
        personKindsWithTwoIsolationOrders: doubledOrders,
        retries: outcome.retries + pacedOutcome.retries,
      },
      views,
      ceilings: { kafka: kafkaRaw, insertMany: mongoRaw, footprint: totals, sizes },
      resources: sampler.summary(0, (t1 - t0) / 1000),
      // Seconds from `startedAt` (epoch ms), the clock of the store traces' `t`.
      startedAt: t0,
      marks,
      lag: Object.fromEntries([...sampler.lag].map(([group, list]) => [group, thin(list)])),
      memory: Object.fromEntries([...sampler.processes].map(([name, list]) => [name, thin(list)])),
    };
    for (const s of stages)
      say(
        `  ${s.stage.padEnd(30)} ${String(s.items).padStart(7)} items ${String(s.perSecond).padStart(8)}/s ` +
          `(ceiling ${s.ceilingPerSecond}/s, ratio ${s.ratio}; ${s.documentsPerItem} docs + ${s.eventsPerItem} events per item)`,
      );
    say(
      `  end to end: ${tubes} tubes (${endToEnd.people} people) in ${endToEnd.seconds} s = ${endToEnd.samplesPerSecond} samples/s; ` +
        `1M samples would take ${endToEnd.projectedSecondsFor1M} s`,
    );
    say(
      `  result -> F1 orders, full speed (${round(maxResultsPerSecond)} results/s): ${JSON.stringify(percentiles(fullSpeed.map((p) => p.ms)))} ms; ` +
        `paced (${round(pacedRate)}/s): ${JSON.stringify(percentiles(pacedPoints.map((p) => p.ms)))} ms`,
    );
    say(`  correctness: ${JSON.stringify(result.correctness)}`);
    say(`  resources: ${JSON.stringify(result.resources)}`);
    return result;
  } catch (error) {
    say(`failed; the services' last lines:\n${fleet.tail(8)}`);
    throw error;
  } finally {
    sampler.stop();
    await probe.close().catch(() => undefined);
    // BENCH_DUMP_LEDGER=<prefix>: every event the run saw (times, causation, data), for a post-mortem.
    const dump = process.env.BENCH_DUMP_LEDGER;
    if (dump)
      writeFileSync(`${dump}-${instances}x.jsonl`, ledger.entries.map((e) => JSON.stringify(e)).join('\n'));
    await ledger.stop().catch(() => undefined);
    await fleet.stop();
  }
}

async function main(): Promise<void> {
  const generated = Date.now();
  const city = describeCity(SEED, CITY);
  say(
    `truyvet pipeline benchmark — a city of ${city.persons.toLocaleString('en')} people in ${city.households.toLocaleString('en')} ` +
      `households (seed ${SEED}, generated in ${Date.now() - generated} ms); ${SAMPLED.toLocaleString('en')} of them swabbed, ` +
      `${POOLED_SHARE * 100}% of households pooled, positivity ${POSITIVITY * 100}%`,
  );
  // Each configuration swabs its own households (the first ones of the city, which is interleaved
  // across the wards); the rest of the city is loaded before the first configuration runs.
  const homes = cityHouseholds(SEED, CITY);
  const take = (wanted: number) => {
    const households: Household[] = [];
    let people = 0;
    while (people < wanted) {
      const next = homes.next();
      if (next.done) break;
      households.push(next.value);
      people += next.value.members.length;
    }
    return { households, people };
  };
  const warmUpFor = INSTANCES.map(() => take(WARM_UP));
  const sampledFor = INSTANCES.map(() => take(SAMPLED));
  const pacedFor = INSTANCES.map(() => take(PACED_SAMPLED));
  const servers = new LocalServers(path.join(ROOT, '.local/bench-servers'), {
    kafka: Number(process.env.BENCH_KAFKA_PORT ?? 39092),
    controller: Number(process.env.BENCH_KAFKA_CONTROLLER_PORT ?? 39093),
    ferretdb: Number(process.env.BENCH_FERRETDB_PORT ?? 27217),
  });
  // The databases' names are fixed (the servers are wiped before each run), so a loaded city can
  // be kept and copied back (city-cache.ts).
  const data = 'bench';
  const traceDir = path.join(ROOT, '.local/bench-trace', `bench-${Date.now().toString(36)}`);
  mkdirSync(traceDir, { recursive: true });
  const runs = [];
  try {
    await servers.up();
    let load: (CityLoad & { restored?: boolean }) | undefined;
    if (LOAD_CITY) {
      // The households held out of the load (warm-up and swab of each configuration) decide its content too.
      const heldOut = [...warmUpFor, ...sampledFor, ...pacedFor].reduce(
        (n, set) => n + set.households.length,
        0,
      );
      const cache = new CityCache(ROOT, data, SEED, CITY, heldOut);
      const kept = cache.kept();
      if (kept) {
        say(`restoring the rest of the city from ${cache.dir} (loaded once before by this code)...`);
        const restoring = Date.now();
        await cache.restore(servers);
        load = { ...kept, restored: true };
        say(`restored in ${Math.round((Date.now() - restoring) / 100) / 10} s`);
      } else {
        say('loading the rest of the city (bench/pipeline/city-loader.ts)...');
        load = await loadCity({
          mongoUri: servers.mongoUri,
          databasePrefix: data,
          personIdSecret: `${data}-person-ids`,
          households: { [Symbol.iterator]: () => homes },
          progress: say,
        });
        say(
          `loaded ${load.persons.toLocaleString('en')} people in ${load.households.toLocaleString('en')} households: ` +
            `${load.documents.toLocaleString('en')} documents in ${load.seconds} s (of which indexes ${load.indexSeconds} s)`,
        );
        await cache.keep(servers, load);
        say(`kept for the next runs in ${cache.dir}`);
      }
    }
    for (const [i, instances] of INSTANCES.entries())
      runs.push(
        await runConfiguration(
          instances,
          sampledFor[i]?.households ?? [],
          pacedFor[i]?.households ?? [],
          warmUpFor[i]?.households ?? [],
          servers,
          data,
          traceDir,
        ),
      );
    const versions = await servers.versions();
    const report = {
      at: new Date().toISOString(),
      machine: { cores: (await import('node:os')).cpus().length, node: process.version, servers: versions },
      city: { seed: SEED, persons: city.persons, households: city.households },
      loaded: load ?? null,
      sampled: {
        people: sampledFor[0]?.people ?? 0,
        households: sampledFor[0]?.households.length ?? 0,
        pooledShare: POOLED_SHARE,
        positivity: POSITIVITY,
        pacedPositivity: PACED_POSITIVITY,
        pacedPeople: pacedFor[0]?.people ?? 0,
        warmUp: warmUpFor[0]?.people ?? 0,
      },
      goals: { samplesPerSecond: 300, ratio: 0.5, p99Ms: 250, rssMB: 250, viewP99Ms: 1_000 },
      runs,
    };
    const dir = path.join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${OUT}.json`), `${JSON.stringify(report, null, 2)}\n`);
    const markdown = renderMarkdown(report);
    writeFileSync(path.join(dir, `${OUT}.md`), markdown);
    writeFileSync(path.join(dir, `${OUT}.html`), renderHtml(report));
    say(`\n${markdown}`);
    say(`written: bench/results/${OUT}.json, ${OUT}.md, ${OUT}.html`);
  } finally {
    await servers.down().catch(() => undefined);
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

export type PipelineReport = {
  at: string;
  machine: { cores: number; node: string; servers: string };
  city: { seed: number; persons: number; households: number };
  loaded: (CityLoad & { restored?: boolean }) | null;
  sampled: {
    people: number;
    households: number;
    pooledShare: number;
    positivity: number;
    pacedPositivity?: number;
    /** People swabbed for the paced latency phase, apart from the measured stages (since 5 Dec 2026). */
    pacedPeople?: number;
    /** People taken through every stage before each configuration, not counted. */
    warmUp?: number;
  };
  goals: { samplesPerSecond: number; ratio: number; p99Ms: number; rssMB: number; viewP99Ms: number };
  runs: Array<Awaited<ReturnType<typeof runConfiguration>>>;
};
