/**
 * The whole pipeline with the four services as separate processes (their own `main.ts`, as
 * deployed) on the real Kafka and FerretDB: a district's mass-testing round goes register ->
 * collect (pooled) -> ship -> accession -> results -> pool re-tests -> F0 -> F1/F2 -> isolation
 * and test orders -> worklist -> follow-up result -> cascade, and the daily report must show
 * exactly what the round did. Mid-flow, case-graph is killed with SIGKILL while the positive
 * re-tests are in flight, and later reporting too; each is restarted. Nothing may be lost and
 * nothing doubled: cases, case events, test orders and the report's figures are counted.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { eventHandler, KafkaBus } from '@truyvet/bus';
import { CaseConfirmedV1, EventRegistry, TestOrderedV1, topics } from '@truyvet/events';
import { unaryCall } from '@truyvet/grpc';
import type { DailyReport__Output } from '@truyvet/grpc/reports';
import { connectMongo } from '@truyvet/store';
import { clientsFor, type Clients } from '../../scripts/scenario/clients';
import { roles, runMassTestingRound, until, type RoundSummary } from '../../scripts/scenario/mass-testing';
import { describeWithInfra, uniqueName, waitForCatchUp } from '../harness';
import { SERVICES, ServiceFleet, type Service } from '../harness/fleet';

// Phong Điền (926): no other suite publishes there, so its figures move only with this round.
const DISTRICT = '926';
const WARDS = ['31299', '31300', '31303'];

/** A figure's change over the round (the district may carry earlier runs' figures on a shared server). */
function delta(after: DailyReport__Output, before: DailyReport__Output) {
  const diff = <T extends object>(a: T | null, b: T | null): Record<string, number> =>
    Object.fromEntries(
      Object.entries(a ?? {}).map(([k, v]) => [
        k,
        Math.round(((v as number) - ((b as Record<string, number> | null)?.[k] ?? 0)) * 10_000) / 10_000,
      ]),
    );
  return {
    cases: diff(after.cases, before.cases),
    isolation: diff(after.isolation, before.isolation),
    testing: diff(after.testing, before.testing),
    vaccination: diff(after.vaccination, before.vaccination),
  };
}

describeWithInfra('the four services as separate processes', (infra) => {
  const run = uniqueName('e2e');
  const tag = String(100 + Math.floor(Math.random() * 900));
  const groups: Partial<Record<Service, string>> = {
    'case-graph': 'case-graph',
    // A new group: the projection folds every stream from the start, as a fresh deployment would.
    reporting: `${run}-reporting`,
  };
  const fleet = new ServiceFleet({
    brokers: infra.kafkaBrokers,
    mongoUri: infra.mongoUri,
    run,
    groups,
  });
  const restarts: string[] = [];
  let district: Clients;
  let lab: Clients;
  let city: Clients;
  let baseline: DailyReport__Output;

  /** SIGKILL: no shutdown hook runs, nothing in hand is committed. Then the same service again. */
  async function killAndRestart(service: Service, when: string): Promise<void> {
    const ms = await fleet.killAndRestart(service);
    restarts.push(`${service} killed with SIGKILL after "${when}", serving again in ${ms} ms`);
  }

  beforeAll(async () => {
    await fleet.start();
    const { ports } = fleet;
    const who = roles(DISTRICT);
    district = await clientsFor(who.district, ports);
    lab = await clientsFor(who.lab, ports);
    city = await clientsFor(who.city, ports);
    // What earlier suites left on the shared topics is folded first (reporting reads it all).
    const all = Object.values(topics).map((t) => t.topic);
    await Promise.all([
      waitForCatchUp(infra.kafkaBrokers, groups.reporting ?? '', all, 900_000),
      waitForCatchUp(infra.kafkaBrokers, 'case-graph', [
        topics.persons.topic,
        topics.labResults.topic,
        topics.cases.topic,
        topics.isolation.topic,
      ]),
      waitForCatchUp(infra.kafkaBrokers, 'lab-results', [
        topics.samples.topic,
        topics.shipments.topic,
        topics.labResults.topic,
      ]),
    ]);
    baseline = await unaryCall(city.reports, 'GetDailyReport', {
      area: { level: 'district', code: DISTRICT },
    });
  }, 1_000_000);

  afterAll(async () => {
    // A setup that failed half-way leaves some unset.
    for (const clients of [district, lab, city] as Array<Clients | undefined>) clients?.close();
    await fleet.stop();
    const mongo = await connectMongo(infra.mongoUri, `${run}-reporting`);
    for (const service of SERVICES) await mongo.client.db(`${run}-${service}`).dropDatabase();
    await mongo.close();
  }, 60_000);

  let summary: RoundSummary;

  it('takes a round from registration to the cascade, with case-graph and reporting killed and restarted mid-flow', async () => {
    summary = await runMassTestingRound(
      { district, lab },
      {
        tag,
        districtCode: DISTRICT,
        wardCodes: WARDS,
        households: 14,
        positiveHouseholds: 2,
        quarantineBeds: 4,
        timeoutMs: 180_000,
        onProgress: (line) => process.stderr.write(`  [e2e]${line}\n`),
        between: async (step) => {
          // The positive re-tests are on the bus and case-graph is turning them into cases.
          if (step === 'retests') await killAndRestart('case-graph', step);
          if (step === 'tracing') await killAndRestart('reporting', step);
        },
      },
    );
    expect(restarts).toHaveLength(2);
    process.stderr.write(`  [e2e] ${restarts.join('; ')}\n`);
  }, 900_000);

  it('reports exactly what the round did', async () => {
    const cases = summary.cases.community.length + summary.cases.quarantine.length;
    const expected = {
      cases: {
        newToday: cases,
        newInCommunity: summary.cases.community.length,
        newInQuarantine: summary.cases.quarantine.length,
        recoveredToday: 0,
        deathsToday: 0,
        total: cases,
        underTreatment: cases,
        recovered: 0,
        deaths: 0,
      },
      f1: summary.f1.length,
      testing: {
        samplesCollected: summary.tubes.pools + summary.tubes.individual,
        peopleSampled: summary.people + summary.tubes.individual,
        samplesTested: summary.tubes.pools + summary.tubes.individual,
        peopleTested: summary.people + summary.tubes.individual,
        samplesPositive: summary.tubes.positive,
      },
      vaccination: summary.vaccinated,
    };
    const area = { level: 'district', code: DISTRICT };
    const change = await until(
      'the report to show the whole round',
      async () => {
        const d = delta(await unaryCall(city.reports, 'GetDailyReport', { area }), baseline);
        const f1 = (d.isolation.f1Centralized ?? 0) + (d.isolation.f1Home ?? 0);
        // Placements and waiting lists settle after the orders: wait for those too.
        const waiting = Math.max(0, expected.f1 - summary.quarantineBeds);
        const seen = {
          cases: d.cases.total,
          f1,
          awaitingBed: d.isolation.f1CentralizedAwaitingBed,
          samplesTested: d.testing.samplesTested,
        };
        const want = {
          cases,
          f1: expected.f1,
          awaitingBed: waiting,
          samplesTested: expected.testing.samplesTested,
        };
        // Thrown, not returned: a timeout then says what the report showed last.
        if (JSON.stringify(seen) !== JSON.stringify(want))
          throw new Error(`the report shows ${JSON.stringify(seen)}, the round ${JSON.stringify(want)}`);
        return d;
      },
      180_000,
      500,
    );
    // Settled: a moment later it is still the same (nothing arrives twice late).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const settled = delta(await unaryCall(city.reports, 'GetDailyReport', { area }), baseline);
    expect(settled).toEqual(change);
    expect(change.cases).toEqual(expected.cases);
    expect((change.isolation.f1Centralized ?? 0) + (change.isolation.f1Home ?? 0)).toBe(expected.f1);
    expect(change.isolation.f1CentralizedAwaitingBed).toBe(Math.max(0, expected.f1 - summary.quarantineBeds));
    expect(change.isolation.suspectsIsolated).toBe(0);
    expect(change.isolation.f2SelfMonitoring).toBe(0);
    expect(change.testing).toMatchObject(expected.testing);
    expect(change.vaccination).toEqual(expected.vaccination);
    process.stderr.write(`  [e2e] report change over the round: ${JSON.stringify(change)}\n`);
  }, 240_000);

  it('lost nothing and doubled nothing across the kills (counted)', async () => {
    const ours = new Set([
      ...summary.cases.community,
      ...summary.cases.quarantine,
      ...summary.f1,
      ...summary.names.keys(),
    ]);
    // case-graph's own view: one case per case person, no other case in the round.
    const listed = await unaryCall(district.cases, 'ListCases', { districtCode: DISTRICT });
    const roundCases = listed.cases.filter((c) => ours.has(c.personId));
    expect(roundCases.map((c) => c.personId).sort()).toEqual(
      [...summary.cases.community, ...summary.cases.quarantine].sort(),
    );
    // On the bus: every CaseConfirmed and TestOrdered of the round, read from the start.
    const confirmed = new Map<string, Set<string>>();
    const ordered = new Map<string, number>();
    let messages = 0;
    const bus = new KafkaBus({ brokers: infra.kafkaBrokers, clientId: `${run}-counter` });
    const counter = await bus.subscribe({
      groupId: `${run}-counter`,
      topics: [topics.cases.topic, topics.testOrders.topic],
      handler: eventHandler(new EventRegistry([CaseConfirmedV1, TestOrderedV1] as const), {
        CaseConfirmed: (event) => {
          if (ours.has(event.data.personId)) {
            messages++;
            const ids = confirmed.get(event.data.personId) ?? new Set<string>();
            confirmed.set(event.data.personId, ids.add(event.data.caseId));
          }
          return Promise.resolve();
        },
        TestOrdered: (event) => {
          if (ours.has(event.data.personId))
            ordered.set(event.data.orderId, (ordered.get(event.data.orderId) ?? 0) + 1);
          return Promise.resolve();
        },
      }),
    });
    try {
      await waitForCatchUp(
        infra.kafkaBrokers,
        `${run}-counter`,
        [topics.cases.topic, topics.testOrders.topic],
        300_000,
      );
    } finally {
      await counter.stop();
      await bus.close();
    }
    const cases = summary.cases.community.length + summary.cases.quarantine.length;
    expect(confirmed.size).toBe(cases);
    expect([...confirmed.values()].every((ids) => ids.size === 1)).toBe(true);
    // Each follow-up or re-test order is one order, however often its event was delivered.
    const worklist = await unaryCall(district.worklists, 'ListWorklist', { districtCode: DISTRICT });
    const open = worklist.items.filter((i) => ours.has(i.personId));
    expect(new Set(open.map((i) => i.orderId)).size).toBe(open.length);
    expect(open.every((i) => ordered.has(i.orderId))).toBe(true);
    process.stderr.write(
      `  [e2e] counted after the kills: ${cases} cases (one per person in case-graph, ${confirmed.size} distinct ` +
        `CaseConfirmed on the bus in ${messages} messages), ${ordered.size} test orders on the bus, ` +
        `${open.length} open on the worklist, none twice\n`,
    );
  }, 400_000);
});
