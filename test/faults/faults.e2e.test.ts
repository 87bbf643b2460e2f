/**
 * Faults during a flow of samples: the four services as processes on a Kafka broker and a
 * FerretDB of the suite's own (so stopping them disturbs no other suite). While the city flow
 * registers, swabs, ships and results, a seeded schedule kills each service with SIGKILL at a
 * random moment and restarts it, stops and restarts the broker, and stops and restarts the store;
 * poison events are put on the streams meanwhile. Afterwards everything on the bus is read back
 * and counted against what the inputs imply: samples, results, F0, contacts (F1), isolation and
 * test orders — none lost, none decided twice — and every poison event is in the dead-letter
 * topic of each group that reads its stream, with a reason, and nothing else is.
 *
 * Short form (in `npm test`, so in CI): FAULTS_PEOPLE=400, each fault once. Long form:
 * `npm run faults:long` (3,000 people, each fault twice).
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { topics } from '@truyvet/events';
import { cityHouseholds, seededRandom, type Household } from '../../scripts/scenario/city';
import { expectedOutcome, runCityFlow, type CityFlowOutcome } from '../../scripts/scenario/city-flow';
import { describeWithInfra, uniqueName } from '../harness';
import { CONSUMED, SERVICES, ServiceFleet, type Service } from '../harness/fleet';
import { BusLedger } from '../harness/ledger';
import { consumerLag } from '../harness/lag';
import { LocalServers, type Server } from '../harness/local-servers';

const ROOT = path.resolve(__dirname, '../..');
const PEOPLE = Number(process.env.FAULTS_PEOPLE ?? 400);
const ROUNDS = Number(process.env.FAULTS_ROUNDS ?? 1);
const SEED = Number(process.env.FAULTS_SEED ?? Date.now() % 100_000);
// FAULTS_STORE_RESTART=0 leaves the store restart out (to tell a store problem from others).
const STORE_RESTART = process.env.FAULTS_STORE_RESTART !== '0';
// Stage costs grow with the data on FerretDB (ADR 3): the long form gets proportionally longer.
const TIME_SCALE = Math.max(1, (PEOPLE / 400) * ROUNDS);

type Fault = { kind: 'kill'; service: Service } | { kind: 'restart'; server: Server };

// The suite owns its servers, but needs deploy/local's installs: it runs where the other real-server
// suites run (and fails with them under REQUIRE_INFRA=1 when there are none).
describeWithInfra('faults during a flow of samples', () => {
  const run = uniqueName('faults');
  const servers = new LocalServers(path.join(ROOT, '.local/fault-servers'), {
    kafka: Number(process.env.FAULTS_KAFKA_PORT ?? 49092),
    controller: Number(process.env.FAULTS_KAFKA_CONTROLLER_PORT ?? 49093),
    ferretdb: Number(process.env.FAULTS_FERRETDB_PORT ?? 27317),
  });
  let started: ServiceFleet | undefined;
  const fleet = () => {
    if (!started) throw new Error('the services did not start');
    return started;
  };
  const random = seededRandom(SEED);
  const households: Household[] = [];
  const log: string[] = [];
  const note = (line: string) => {
    log.push(line);
    process.stderr.write(`  [faults] ${line}\n`);
  };

  beforeAll(async () => {
    let people = 0;
    // A stretch of the city that starts somewhere different each run (the seed is printed).
    const skip = Math.floor(random() * 50_000);
    for (const home of cityHouseholds(2021, 1_200_000)) {
      if (home.index < skip) continue;
      if (people >= PEOPLE) break;
      households.push(home);
      people += home.members.length;
    }
    await servers.up();
    started = await new ServiceFleet({
      brokers: servers.brokers,
      mongoUri: servers.mongoUri,
      run,
      // A killed member's partitions move on after 8 s instead of 30.
      env: { KAFKA_SESSION_TIMEOUT_MS: '8000' },
      ...(process.env.FAULTS_LOG_LEVEL ? { logLevel: process.env.FAULTS_LOG_LEVEL } : {}),
    }).start();
  }, 600_000);

  afterAll(async () => {
    await started?.stop();
    await servers.down();
  }, 180_000);

  let outcome: CityFlowOutcome;
  const poison: Array<{ topic: string; what: string }> = [];

  /** Poison on the streams: not JSON, and a known type whose data is invalid. */
  async function injectPoison(): Promise<void> {
    const kafka = new Kafka({
      brokers: servers.brokers,
      clientId: `${run}-poison`,
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    // A well-formed envelope of a known type whose data breaks its schema (no person).
    const broken = {
      id: `${run}-poison-event`,
      type: 'PersonTestResulted',
      version: 1,
      occurredAt: new Date().toISOString(),
      key: 'p-poison',
      correlationId: `${run}-poison`,
      causationId: null,
      data: { resultId: 'r-poison', sampleId: 's-poison', outcome: 'positive', personId: '' },
    };
    const messages = [
      { topic: topics.labResults.topic, key: 'p-poison', value: '{"not json', what: 'not JSON' },
      {
        topic: topics.persons.topic,
        key: 'p-poison-2',
        value: 'ceci n’est pas un événement',
        what: 'not JSON',
      },
      {
        topic: topics.labResults.topic,
        key: 'p-poison',
        value: JSON.stringify(broken),
        what: 'invalid data',
      },
    ];
    for (const m of messages) {
      await producer.send({ topic: m.topic, messages: [{ key: m.key, value: m.value }] });
      poison.push({ topic: m.topic, what: m.what });
    }
    await producer.disconnect();
  }

  /**
   * What is missing when the flow does not settle: each F0 without a case and F1 without an order,
   * with every event on the bus that names them, and the commits each service still holds unpublished.
   */
  async function unsettled(
    ledger: BusLedger,
    expected: ReturnType<typeof expectedOutcome>,
    cases: Map<string, Set<string>>,
    ordered: Map<string, Set<string>>,
  ): Promise<string> {
    // Any field that names the person: their own events, and contacts recorded with them.
    const names = (id: string) => (e: { data: Record<string, unknown> }) =>
      Object.values(e.data).some((v) => v === id || (Array.isArray(v) && v.includes(id)));
    const trail = (id: string) =>
      ledger.entries
        .filter(names(id))
        .map((e) => `${e.type}@${new Date(e.at).toISOString().slice(11, 23)}`)
        .join(' ');
    const lines = [
      ...[...expected.f0]
        .filter((id) => !cases.has(id))
        .map((id) => `F0 without a case: ${id}: ${trail(id)}`),
      ...[...expected.f1]
        .filter((id) => !ordered.has(id))
        .map((id) => `F1 without an order: ${id} (F0 ${expected.f0Household.get(id)}): ${trail(id)}`),
    ];
    const f0s = new Set(
      [...expected.f1].filter((id) => !ordered.has(id)).map((id) => expected.f0Household.get(id)),
    );
    for (const f0 of f0s) if (f0) lines.push(`the F0 ${f0}: ${trail(f0)}`);
    for (const letter of ledger.deadLetters.slice(0, 10))
      lines.push(
        `dead letter in ${letter.topic}: ${letter.errorCode} ${letter.reason} ${letter.value.slice(0, 200)}`,
      );
    const client = new MongoClient(servers.mongoUri, { serverSelectionTimeoutMS: 5_000 });
    try {
      await client.connect();
      for (const service of SERVICES) {
        const db = client.db(`${run}-${service}`);
        for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
          if (!name.endsWith('.pending')) continue;
          const markers = await db.collection(name).find({}).limit(20).toArray();
          if (markers.length > 0) lines.push(`${service} ${name}: ${JSON.stringify(markers)}`);
        }
      }
      // What case-graph holds of each F0 with a contact missing: the records, the household's
      // index and notes, heads and commits (a lagging head reads as a missing member).
      const tracing = client.db(`${run}-case-graph`);
      for (const f0 of f0s) {
        if (!f0) continue;
        const entry = await tracing
          .collection<{ _id: string; details?: { householdId?: string } }>('directory')
          .findOne({ _id: f0 });
        const householdId = entry?.details?.householdId;
        const ids = [f0, ...(householdId ? [householdId] : [])];
        const named = new RegExp(`^(${ids.map((id) => id.replace(/[^\w-]/g, '\\$&')).join('|')})`);
        for (const name of [
          'records',
          'records.commits',
          'household_members',
          'household_members.commits',
          'households',
          'households.commits',
        ]) {
          for (const doc of await tracing.collection<{ _id: string }>(name).find({ _id: named }).toArray())
            lines.push(`case-graph ${name}: ${JSON.stringify(doc).slice(0, 700)}`);
        }
      }
    } catch (error) {
      lines.push(`the outboxes could not be read: ${String(error)}`);
    } finally {
      await client.close();
    }
    return lines.slice(0, 90).join('\n');
  }

  async function inflict(fault: Fault): Promise<void> {
    const started = Date.now();
    if (fault.kind === 'kill') {
      await fleet().killAndRestart(fault.service);
      note(`${fault.service} killed (SIGKILL) and serving again after ${Date.now() - started} ms`);
    } else {
      await servers.stop(fault.server);
      await new Promise((resolve) => setTimeout(resolve, 2_000 + random() * 3_000));
      await servers.start(fault.server);
      note(`${fault.server} stopped and started again, back after ${Date.now() - started} ms`);
    }
  }

  it(
    'runs the flow while services are killed and the broker and the store restarted',
    async () => {
      const faults: Fault[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        faults.push(...SERVICES.map((service): Fault => ({ kind: 'kill', service })));
        faults.push({ kind: 'restart', server: 'kafka' });
        if (STORE_RESTART) faults.push({ kind: 'restart', server: 'ferretdb' });
      }
      // A seeded shuffle: a different order (and moment) each run, reproducible from the seed.
      for (let i = faults.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [faults[i], faults[j]] = [faults[j] as Fault, faults[i] as Fault];
      }
      note(
        `seed ${SEED}: ${households.length} households; faults in order: ${faults.map((f) => ('service' in f ? f.service : f.server)).join(', ')}`,
      );
      const flow = { done: false };
      const retried: string[] = [];
      const chaos = (async () => {
        await injectPoison();
        for (const fault of faults) {
          // Every fault happens: one the flow finished before hits the consequences still on their way.
          await new Promise((resolve) => setTimeout(resolve, (flow.done ? 500 : 1_000) + random() * 3_000));
          await inflict(fault);
        }
      })();
      try {
        outcome = await runCityFlow(fleet().ports, {
          households,
          pooledShare: 0.4,
          positivity: 0.08,
          seed: SEED,
          tag: 'F',
          concurrency: 2,
          chunk: 50,
          box: 50,
          persistMs: 240_000,
          onRetry: (what, error) => {
            retried.push(`${new Date().toISOString().slice(11, 23)} ${what}: ${String(error).slice(0, 200)}`);
          },
        });
      } catch (error) {
        note(
          `the flow failed; the calls it sent again:\n${retried.slice(-30).join('\n')}\n` +
            `the services' last lines:\n${fleet().tail(40)}`,
        );
        throw error;
      } finally {
        flow.done = true;
        await chaos;
      }
      note(`flow done: ${outcome.tubes.length} tubes, ${outcome.retries} calls sent again after a fault`);
      expect(outcome.tubes.length).toBeGreaterThan(0);
    },
    1_500_000 * TIME_SCALE,
  );

  it(
    'lost nothing and decided nothing twice: counted on the bus against what the inputs imply',
    async () => {
      const expected = expectedOutcome(outcome.tubes, households, outcome.personIds);
      const ledger = new BusLedger(servers.brokers, `${run}-ledger`);
      // Settled: every group has read everything, and the outboxes are empty (the last F1 order is out).
      const deadline = Date.now() + Number(process.env.FAULTS_SETTLE_MS ?? 600_000) * TIME_SCALE;
      await ledger.start();
      try {
        for (;;) {
          let lag = 0;
          for (const [group, streams] of Object.entries(CONSUMED))
            lag += await consumerLag(servers.brokers, group, streams);
          await ledger.catchUp();
          const cases = ledger.distinctBy('CaseConfirmed', (d) => String(d.personId));
          const ordered = ledger.distinctBy('IsolationOrdered', (d) => String(d.personId));
          const done =
            [...expected.f0].every((id) => cases.has(id)) && [...expected.f1].every((id) => ordered.has(id));
          if (lag === 0 && done) break;
          if (Date.now() > deadline)
            throw new Error(
              `not settled: lag ${lag}\n${await unsettled(ledger, expected, cases, ordered)}\n${fleet().tail()}`,
            );
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        await ledger.catchUp();

        const once = (byKey: Map<string, Set<string>>) =>
          [...byKey].filter(([, ids]) => ids.size > 1).map(([k]) => k);
        const keys = (byKey: Map<string, Set<string>>) => new Set(byKey.keys());
        const missing = (want: Iterable<string>, have: Set<string>) => [...want].filter((k) => !have.has(k));

        // Samples: one SampleCollected per tube.
        const collected = ledger.distinctBy('SampleCollected', (d) => String(d.sampleId));
        expect(
          missing(
            outcome.tubes.map((t) => t.sampleId),
            keys(collected),
          ),
        ).toEqual([]);
        expect(collected.size).toBe(outcome.tubes.length);
        expect(once(collected)).toEqual([]);

        // Results: one per single tube (PersonTestResulted by sample), one per pool (PoolResulted).
        const single = outcome.tubes.filter((t) => !t.pooled).map((t) => t.sampleId);
        const pools = outcome.tubes.filter((t) => t.pooled).map((t) => t.sampleId);
        const personResults = ledger.distinctBy('PersonTestResulted', (d) =>
          d.pooled ? `pool:${String(d.sampleId)}:${String(d.personId)}` : String(d.sampleId),
        );
        const poolResults = ledger.distinctBy('PoolResulted', (d) => String(d.sampleId));
        expect(missing(single, keys(personResults))).toEqual([]);
        expect(missing(pools, keys(poolResults))).toEqual([]);
        expect(poolResults.size).toBe(pools.length);
        expect(once(personResults)).toEqual([]);
        expect(once(poolResults)).toEqual([]);

        // F0: exactly the persons of positive single tubes, one case each.
        const cases = ledger.distinctBy('CaseConfirmed', (d) => String(d.personId));
        expect([...keys(cases)].sort()).toEqual([...expected.f0].sort());
        expect(once(cases)).toEqual([]);

        // F1: every other member of an F0's household, classified; a treatment order per F0 and a
        // quarantine order per F1, each order published as one event.
        const classified = ledger.distinctBy('PersonClassified', (d) => String(d.personId));
        expect(missing(expected.f1, keys(classified))).toEqual([]);
        const orders = ledger.of('IsolationOrdered');
        const treatment = new Map<string, Set<string>>();
        const quarantine = new Set<string>();
        for (const o of orders) {
          const person = String(o.data.personId);
          if (o.data.kind === 'treatment')
            treatment.set(person, (treatment.get(person) ?? new Set()).add(String(o.data.orderId)));
          else if (o.data.reason === 'contact') quarantine.add(person);
        }
        expect([...treatment.keys()].sort()).toEqual([...expected.f0].sort());
        expect(once(treatment)).toEqual([]);
        expect(missing(expected.f1, quarantine)).toEqual([]);
        // An order is published again when it changes (re-issued with a later end, another tier:
        // ADR 9), so a double is the same decision twice: two events with one order's same content.
        const orderDecisions = ledger.distinctBy('IsolationOrdered', (d) => JSON.stringify(d));
        expect(once(orderDecisions)).toEqual([]);
        const orderIds = ledger.distinctBy('IsolationOrdered', (d) => String(d.orderId));
        const reissued = [...orderIds].filter(([, ids]) => ids.size > 1).map(([orderId]) => orderId);
        for (const orderId of reissued.slice(0, 5)) {
          const versions = [
            ...new Map(
              ledger
                .of('IsolationOrdered')
                .filter((o) => o.data.orderId === orderId)
                .map((o) => [o.id, o] as const),
            ).values(),
          ];
          const changed = Object.keys(versions[0]?.data ?? {}).filter(
            (k) => new Set(versions.map((v) => JSON.stringify(v.data[k]))).size > 1,
          );
          note(`order ${orderId} re-issued ${versions.length - 1} time(s), changed: ${changed.join(', ')}`);
        }

        // Test orders: a re-test per member of a positive pool (one each), follow-ups for the F1,
        // each order published as one event.
        const testOrders = ledger.of('TestOrdered');
        const retests = new Map<string, Set<string>>();
        const followUps = new Set<string>();
        for (const o of testOrders) {
          const person = String(o.data.personId);
          if (o.data.reason === 'pool_member_retest')
            retests.set(person, (retests.get(person) ?? new Set()).add(String(o.data.orderId)));
          if (o.data.reason === 'f1_follow_up') followUps.add(person);
        }
        expect([...retests.keys()].sort()).toEqual([...expected.retests].sort());
        expect(once(retests)).toEqual([]);
        expect(missing(expected.f1, followUps)).toEqual([]);
        expect(once(ledger.distinctBy('TestOrdered', (d) => String(d.orderId)))).toEqual([]);

        // Poison: each in the dead-letter topic of every group that reads its stream, with a reason;
        // nothing else dead-lettered (a good event in a DLQ would be an event lost to its consumer).
        const letters = ledger.deadLetters;
        for (const p of poison) {
          const readers = SERVICES.filter((s) => CONSUMED[s].includes(p.topic));
          for (const group of p.what === 'not JSON' ? readers : (['case-graph', 'reporting'] as const)) {
            const found = letters.filter((l) => l.topic === `${group}.dlq` && l.from === p.topic);
            expect(found.length).toBeGreaterThan(0);
            expect(found.every((l) => l.reason.length > 0)).toBe(true);
          }
        }
        const unexpected = letters.filter(
          (l) =>
            !l.value.includes('poison') && !l.value.startsWith('{"not json') && !l.value.startsWith('ceci'),
        );
        expect(unexpected.map((l) => `${l.topic}: ${l.errorCode} ${l.reason}`)).toEqual([]);

        note(
          `counted: ${collected.size} samples, ${personResults.size + poolResults.size} results, ${cases.size} F0, ` +
            `${expected.f1.size} F1 with quarantine orders, ${orderIds.size} isolation orders (${reissued.length} re-issued changed), ` +
            `${ledger.distinctBy('TestOrdered', (d) => String(d.orderId)).size} test orders (${retests.size} pool re-tests); ` +
            `0 lost, 0 doubled; ${letters.length} dead letters, all poison (${poison.length} injected)`,
        );
      } finally {
        await ledger.stop();
      }
    },
    900_000 * TIME_SCALE,
  );
});
