import { describe, expect, it } from '@jest/globals';
import type { ReceivedMessage } from '@truyvet/bus';
import type { Envelope } from '@truyvet/events';
import { canThoAdminUnits } from '@truyvet/geo';
import { addDays, defaultRiskRuleBook, defaultRuleBook } from '@truyvet/rules';
import { InMemoryDocuments } from '@truyvet/store';
import { foldEvents } from '../adapters/consumer';
import { FACT_KINDS } from '../domain/facts';
import * as e from '../testing/events';
import type { FactCollections } from './ports';
import { Projection } from './projection';
import { ReportDesk } from './reports';

const units = canThoAdminUnits();
const D = '2021-11-23';
const NINH_KIEU = { districtCode: '916', wardCode: '31117' };
const CAI_RANG = { districtCode: '919', wardCode: '31186' };
const places = [NINH_KIEU, CAI_RANG, { districtCode: '918', wardCode: '31168' }];
const placeOf = (n: number): e.Place => places[n % places.length] ?? NINH_KIEU;

function message(event: Envelope, offset: number): ReceivedMessage {
  return {
    topic: 't',
    partition: 0,
    offset: String(offset),
    key: event.key,
    value: JSON.stringify(event),
    headers: {},
    attempt: 1,
  };
}

/** A reporting service's core with in-memory facts, fed events as its consumer would be. */
function reporting(now = new Date('2021-11-24T10:00:00+07:00')) {
  const facts = Object.fromEntries(
    FACT_KINDS.map((k) => [k, new InMemoryDocuments()]),
  ) as unknown as FactCollections;
  const fold = foldEvents(new Projection(facts));
  const offsets = new Map<string, number>();
  let next = 0;
  const desk = new ReportDesk(facts, units, defaultRiskRuleBook(), defaultRuleBook(), () => now);
  return {
    desk,
    facts,
    /** Events after those fed before (a redelivery is `redeliver`: at the offsets they had). */
    feed: async (events: readonly Envelope[]) => {
      for (const event of events) {
        offsets.set(event.id, next);
        await fold(message(event, next++));
      }
    },
    redeliver: async (events: readonly Envelope[]) => {
      for (const event of events) await fold(message(event, offsets.get(event.id) ?? next++));
    },
  };
}

/**
 * The Thua Thien Hue report of 23 Nov 2021 (DOMAIN.md) as events: 159 new F0 (93 in the
 * community); 2,555 F0 in total, 1,085 under treatment, 1,465 recovered, 5 deaths; 589 F1 in
 * centralized quarantine, 6,301 at home; 13 suspects isolated. Around them, what must not count:
 * a case reverted the same day, quarantines already over, a negative pool, retested suspects.
 */
function hueDay(): Envelope[] {
  const events: Envelope[] = [];
  let n = 0;
  // 2,396 cases before the day, spread over the 30 days before it; 159 on the day.
  for (let i = 0; i < 2396; i++, n++) events.push(e.caseConfirmed(n, addDays(D, -1 - (i % 30)), placeOf(n)));
  for (let i = 0; i < 159; i++, n++)
    events.push(e.caseConfirmed(n, D, placeOf(n), i < 93 ? 'community' : 'quarantine'));
  // A case confirmed and reverted (its result amended) on the day: never a case.
  events.push(e.caseConfirmed(n, D, NINH_KIEU), e.caseReverted(n, D));
  // 1,465 recovered (40 of them on the day), 5 deaths; all among the earlier cases.
  for (let i = 0; i < 1465; i++) events.push(e.caseRecovered(i, i < 40 ? D : addDays(D, -1)));
  for (let i = 1465; i < 1470; i++) events.push(e.caseDied(i, addDays(D, -2)));
  // F1: 589 in centralized quarantine, 6,301 at home; 50 whose quarantine ended before the
  // day's end and 20 that start tomorrow do not count.
  const f1 = (i: number, kind: 'centralized_quarantine' | 'home_quarantine', startsOn = addDays(D, -5)) =>
    e.isolationOrdered(`p-f1-${kind}-${i}`, {
      kind,
      startsOn,
      endsOn: addDays(startsOn, 14),
      place: placeOf(i),
    });
  for (let i = 0; i < 589; i++) events.push(f1(i, 'centralized_quarantine'));
  for (let i = 0; i < 6301; i++) events.push(f1(i, 'home_quarantine'));
  for (let i = 0; i < 50; i++) {
    events.push(f1(10_000 + i, 'home_quarantine', addDays(D, -14)));
    events.push(
      e.isolationEnded(`p-f1-home_quarantine-${10_000 + i}`, 'home_quarantine', i < 25 ? D : addDays(D, -1)),
    );
  }
  for (let i = 0; i < 20; i++) events.push(f1(20_000 + i, 'centralized_quarantine', addDays(D, 1)));
  // F2 self-monitoring are their own figure.
  for (let i = 0; i < 30; i++)
    events.push(
      e.isolationOrdered(`p-f2-${i}`, {
        kind: 'self_monitoring',
        level: 2,
        startsOn: D,
        endsOn: addDays(D, 14),
        place: CAI_RANG,
      }),
    );
  // Suspects: a positive pool of 5 (none retested) and one of 10 with 2 retested: 13. A negative
  // pool's members are cleared.
  const pool = (id: string, size: number, outcome: 'positive' | 'negative') => {
    const members = Array.from({ length: size }, (_, i) => `p-${id}-${i}`);
    return {
      members,
      event: e.poolResulted(
        { sampleId: `s-${id}`, outcome, collectedAt: e.at(D, 7), resultedAt: e.at(D, 13), place: CAI_RANG },
        members,
      ),
    };
  };
  const a = pool('POOLA', 5, 'positive');
  const b = pool('POOLB', 10, 'positive');
  const c = pool('POOLC', 5, 'negative');
  events.push(a.event, b.event, c.event);
  for (const personId of b.members.slice(0, 2))
    events.push(
      e.personResulted(
        {
          sampleId: `s-RE-${personId}`,
          outcome: 'negative',
          collectedAt: e.at(D, 15),
          resultedAt: e.at(D, 20),
          place: CAI_RANG,
        },
        personId,
      ),
    );
  return events;
}

describe('the daily report', () => {
  it("gives the Thua Thien Hue report's figures from the events that make them, exactly", async () => {
    const { desk, feed } = reporting();
    await feed(hueDay());

    const report = await desk.dailyReport({ level: 'city' }, D);

    expect(report.cases).toEqual({
      newToday: 159,
      newInCommunity: 93,
      newInQuarantine: 66,
      recoveredToday: 40,
      deathsToday: 0,
      total: 2555,
      underTreatment: 1085,
      recovered: 1465,
      deaths: 5,
    });
    expect(report.isolation).toEqual({
      f1Centralized: 589,
      f1CentralizedAwaitingBed: 0,
      f1Home: 6301,
      f2SelfMonitoring: 30,
      arrivalsCentralized: 0,
      suspectsIsolated: 13,
    });
  });

  it('is the same when every event is delivered twice, or again after later ones', async () => {
    const once = reporting();
    const twice = reporting();
    const events = hueDay();
    await once.feed(events);
    await twice.feed(events.flatMap((event) => [event, event]));
    await twice.feed(events.slice(0, 500)); // a replay of a partition from an old offset
    for (const request of [{ level: 'city' as const }, { level: 'district' as const, code: '919' }]) {
      expect(await twice.desk.dailyReport(request, D)).toEqual(await once.desk.dailyReport(request, D));
    }
  });

  it('splits the figures by district and by ward, and the parts add up to the whole', async () => {
    const { desk, feed } = reporting();
    await feed(hueDay());
    const [city, ...districts] = await desk.dailyReports({ level: 'city' }, D);
    expect(districts).toHaveLength(9);
    const sum = (pick: (r: NonNullable<typeof city>) => number) => districts.reduce((n, r) => n + pick(r), 0);
    expect(sum((r) => r.cases.total)).toBe(city?.cases.total);
    expect(sum((r) => r.isolation.f1Home)).toBe(city?.isolation.f1Home);
    const [district, ...wards] = await desk.dailyReports({ level: 'district', code: '919' }, D);
    expect(district?.area).toEqual({ level: 'district', code: '919', name: 'Quận Cái Răng' });
    expect(wards.map((w) => w.area.code)).toContain('31186');
    expect(wards.find((w) => w.area.code === '31186')?.isolation.suspectsIsolated).toBe(13);
    expect(wards.reduce((n, w) => n + w.cases.total, 0)).toBe(district?.cases.total);
  });

  it('reads stocks as of the day asked: the day before, today was not there yet', async () => {
    const { desk, feed } = reporting();
    await feed(hueDay());
    const before = await desk.dailyReport({ level: 'city' }, addDays(D, -1));
    expect(before.cases.total).toBe(2396);
    expect(before.cases.newToday).toBe(Math.ceil(2396 / 30)); // day -1 got i % 30 === 0
    expect(before.isolation.suspectsIsolated).toBe(0);
    expect(before.isolation.f1Home).toBe(6301 + 25); // the 25 ending on D were still in quarantine
  });

  it('counts a fact entered late on its own day, and says when that day was revised', async () => {
    const { desk, feed } = reporting(new Date('2021-11-26T10:00:00+07:00'));
    const city = { level: 'city' as const };
    // Entered on its day: the day's report is as first published.
    await feed([e.caseConfirmed(1, D, NINH_KIEU)]);
    expect((await desk.dailyReport(city, D)).revisedAt).toBe('');
    // A result of the 23rd entered on the morning of the 25th, a recovery of the 24th entered on the 26th.
    const lateCase = { ...e.caseConfirmed(2, D, CAI_RANG), occurredAt: e.at(addDays(D, 2), 8).toISOString() };
    const lateRecovery = {
      ...e.caseRecovered(1, addDays(D, 1)),
      occurredAt: e.at(addDays(D, 3), 7).toISOString(),
    };
    await feed([lateCase, lateRecovery]);
    const day = await desk.dailyReport(city, D);
    expect(day.cases.newToday).toBe(2);
    expect(day.revisedAt).toBe(lateCase.occurredAt);
    expect((await desk.dailyReport(city, addDays(D, 1))).revisedAt).toBe(lateRecovery.occurredAt);
    // The district with no late fact was not revised.
    expect((await desk.dailyReport({ level: 'district', code: '916' }, D)).revisedAt).toBe('');
    // The next day's totals changed too; the day it was entered on was never published without it.
    const caiRang = { level: 'district' as const, code: '919' };
    expect((await desk.dailyReport(caiRang, addDays(D, 1))).revisedAt).toBe(lateCase.occurredAt);
    expect((await desk.dailyReport(caiRang, addDays(D, 2))).revisedAt).toBe('');
    // A case reverted later changes every day it had counted on.
    const reverted = {
      ...e.caseReverted(1, addDays(D, 3)),
      occurredAt: e.at(addDays(D, 3), 9).toISOString(),
    };
    await feed([reverted]);
    expect((await desk.dailyReport({ level: 'district', code: '916' }, addDays(D, 1))).revisedAt).toBe(
      reverted.occurredAt,
    );
  });

  it('counts samples taken and tested and the positivity of the day', async () => {
    const { desk, feed } = reporting();
    const members = ['p1', 'p2', 'p3', 'p4', 'p5'];
    await feed([
      e.sampleCollected('s-P1', members, e.at(D, 7), CAI_RANG),
      e.sampleCollected('s-I1', ['p9'], e.at(D, 8), CAI_RANG),
      e.sampleCollected('s-I2', ['p10'], e.at(D, 8), CAI_RANG),
      e.poolResulted(
        {
          sampleId: 's-P1',
          outcome: 'positive',
          collectedAt: e.at(D, 7),
          resultedAt: e.at(D, 15),
          place: CAI_RANG,
        },
        members,
      ),
      e.personResulted(
        {
          sampleId: 's-I1',
          outcome: 'negative',
          collectedAt: e.at(D, 8),
          resultedAt: e.at(D, 16),
          place: CAI_RANG,
        },
        'p9',
      ),
      e.personResulted(
        {
          sampleId: 's-I2',
          outcome: 'rejected',
          collectedAt: e.at(D, 8),
          resultedAt: e.at(D, 16),
          place: CAI_RANG,
        },
        'p10',
      ),
    ]);
    const report = await desk.dailyReport({ level: 'ward', code: '31186' }, D);
    expect(report.testing).toEqual({
      samplesCollected: 3,
      peopleSampled: 7,
      samplesTested: 2,
      peopleTested: 6,
      samplesPositive: 1,
      positivity: 0.5,
    });
  });

  it('counts the people the registry knows as vaccinated, as of the day', async () => {
    const { desk, feed } = reporting();
    await feed([
      e.personRegistered('v1', CAI_RANG, ['2021-08-01', '2021-09-01']),
      e.personRegistered('v2', CAI_RANG, ['2021-08-01', '2021-12-01']),
      e.personRegistered('v3', CAI_RANG, []),
    ]);
    const report = await desk.dailyReport({ level: 'district', code: '919' }, D);
    expect(report.vaccination).toEqual({ atLeastOneDose: 2, fullyVaccinated: 1, doses: 3 });
  });

  it('keeps the vaccination figures right through corrections, moves, merges and redeliveries', async () => {
    const { desk, facts, feed, redeliver } = reporting();
    const registered = e.personRegistered('v1', CAI_RANG, ['2021-08-01']);
    const corrected = e.personUpdated('v1', NINH_KIEU, ['2021-08-01', '2021-09-01']);
    await feed([
      registered,
      e.personRegistered('v2', CAI_RANG, ['2021-08-01', '2021-09-01']),
      e.personRegistered('v3', CAI_RANG, ['2021-08-01']),
      corrected,
      e.personsMerged('v2', 'v3'),
    ]);
    // Redelivered, in order: nothing changes twice, nothing moves back.
    await redeliver([registered, corrected]);
    // A crash after the dose changes were recorded and before the person was: the redelivered
    // event records the same changes again, refused by their ids.
    const moved = e.personUpdated('v2', NINH_KIEU, ['2021-08-01', '2021-09-01']);
    const persons = facts.persons;
    const crashing: FactCollections['persons'] = {
      insert: (docs) => persons.insert(docs),
      put: () => Promise.reject(new Error('crash')),
      get: (id) => persons.get(id),
      getMany: (ids) => persons.getMany(ids),
      find: (query, limit) => persons.find(query, limit),
    };
    const fold = foldEvents(new Projection({ ...facts, persons: crashing }));
    await expect(fold(message(moved, 99))).rejects.toThrow('crash');
    await redeliver([moved]);
    // An older registration redelivered late does not move anyone back.
    await redeliver([registered]);

    const caiRang = await desk.dailyReport({ level: 'district', code: '919' }, D);
    const ninhKieu = await desk.dailyReport({ level: 'district', code: '916' }, D);
    const city = await desk.dailyReport({ level: 'city' }, D);
    // v1 and v2 moved to Ninh Kieu with two doses each; v3 merged into v2 counts no more.
    expect(caiRang.vaccination).toEqual({ atLeastOneDose: 0, fullyVaccinated: 0, doses: 0 });
    expect(ninhKieu.vaccination).toEqual({ atLeastOneDose: 2, fullyVaccinated: 2, doses: 4 });
    expect(city.vaccination).toEqual(ninhKieu.vaccination);
    // As of a day before the second doses.
    const earlier = await desk.dailyReport({ level: 'city' }, '2021-08-15');
    expect(earlier.vaccination).toEqual({ atLeastOneDose: 2, fullyVaccinated: 0, doses: 2 });
    // Read from tallies, not from every person: one document per event and ward it changed.
    const changes = await facts.doseChanges.find({ filter: {}, matches: () => true });
    expect(changes).toHaveLength(3 + 2 + 2);
  });

  it('answers NOT_FOUND for an area not in the reference data', async () => {
    const { desk } = reporting();
    await expect(desk.dailyReport({ level: 'ward', code: '99999' }, D)).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(desk.dailyReport({ level: 'district', code: '31186' }, D)).rejects.toMatchObject({
      kind: 'not_found',
    });
  });
});

describe('risk levels', () => {
  it('rates each ward from its weekly community cases per 100,000 and coverage, and lists the focus targets', async () => {
    const { desk, feed } = reporting();
    // Phường Lê Bình (31186) has 18,880 people: 40 community cases in 7 days is 211.9 per 100,000
    // (very high); 6 is 31.8 (medium band: level 3 with low coverage). Cases in quarantine and
    // cases older than the window do not count.
    const leBinh = CAI_RANG;
    const hungPhu = { districtCode: '919', wardCode: '31189' };
    const events: Envelope[] = [];
    let n = 0;
    for (let i = 0; i < 40; i++) events.push(e.caseConfirmed(n++, addDays(D, -(i % 7)), leBinh));
    for (let i = 0; i < 6; i++) events.push(e.caseConfirmed(n++, D, hungPhu));
    for (let i = 0; i < 30; i++) events.push(e.caseConfirmed(n++, D, hungPhu, 'quarantine'));
    for (let i = 0; i < 30; i++) events.push(e.caseConfirmed(n++, addDays(D, -7), hungPhu));
    await feed(events);

    const table = await desk.riskTable({ level: 'district', code: '919' }, D);

    expect(table.windowFrom).toBe(addDays(D, -6));
    expect(table.wards).toHaveLength(units.wardsOf('919').length);
    expect(table.wards[0]).toMatchObject({
      wardCode: '31186',
      communityCases: 40,
      casesPer100k: 211.9,
      level: 4,
    });
    expect(table.wards[1]).toMatchObject({
      wardCode: '31189',
      communityCases: 6,
      casesPer100k: 32.3,
      level: 3,
    });
    expect(table.wards.slice(2).every((w) => w.level === 1 && w.communityCases === 0)).toBe(true);
    expect(table.focusTestingTargets.map((w) => w.wardCode)).toEqual(['31186', '31189']);
  });

  it('answers a clear error for a day before any risk-level rule set', async () => {
    const { desk } = reporting();
    await expect(desk.riskTable({ level: 'city' }, '2020-05-01')).rejects.toMatchObject({
      kind: 'invalid',
      fields: [
        {
          field: 'date',
          description: expect.stringMatching(/no risk level rule set in force on 2020-05-01/),
        },
      ],
    });
  });

  it('lowers the level where coverage is high', async () => {
    const { desk, feed } = reporting();
    const ward = units.ward('31186');
    const events: Envelope[] = [];
    // 6 cases in Lê Bình (31.8 per 100,000) and 70% of its people with a dose: level 2, not 3.
    for (let i = 0; i < 6; i++) events.push(e.caseConfirmed(i, D, CAI_RANG));
    const vaccinated = Math.ceil((ward?.population ?? 0) * 0.7);
    for (let i = 0; i < vaccinated; i++) events.push(e.personRegistered(`v-${i}`, CAI_RANG, ['2021-09-01']));
    await feed(events);
    const table = await desk.riskTable({ level: 'ward', code: '31186' }, D);
    expect(table.wards).toEqual([expect.objectContaining({ wardCode: '31186', coverage: 0.7, level: 2 })]);
    expect(table.focusTestingTargets).toEqual([]);
  });
});

describe('turnaround', () => {
  it('gives sample-to-result and result-to-F1-isolation hours per district, and what is overdue', async () => {
    const now = new Date(`${D}T20:00:00+07:00`);
    const { desk, feed } = reporting(now);
    const root = e.caseConfirmed(1, D, CAI_RANG, 'community', e.at(D, 8));
    const events: Envelope[] = [root];
    // Tubes resulted on D after 6, 10 and 30 hours.
    for (const [i, hours] of [6, 10, 30].entries()) {
      const resultedAt = e.at(D, 12);
      const collectedAt = new Date(resultedAt.getTime() - hours * 3_600_000);
      events.push(e.sampleCollected(`s-T${i}`, [`t${i}`], collectedAt, CAI_RANG));
      events.push(
        e.personResulted(
          { sampleId: `s-T${i}`, outcome: 'negative', collectedAt, resultedAt, place: CAI_RANG },
          `t${i}`,
        ),
      );
    }
    // One tube taken 30 hours ago without a result: overdue (the lab's limit is 24 hours).
    events.push(e.sampleCollected('s-LATE', ['t9'], new Date(now.getTime() - 30 * 3_600_000), CAI_RANG));
    // F1s of the root: at home (order 2 h after the result), centralized (bed 5 h after), waiting.
    events.push(e.classifiedF1('f1-home', 'p-case-1/case1', e.at(D, 9)));
    events.push(
      e.isolationOrdered('f1-home', {
        kind: 'home_quarantine',
        startsOn: D,
        place: CAI_RANG,
        issuedAt: e.at(D, 10),
      }),
    );
    events.push(e.classifiedF1('f1-ktx', 'p-case-1/case1', e.at(D, 9)));
    events.push(
      e.isolationOrdered('f1-ktx', {
        kind: 'centralized_quarantine',
        startsOn: D,
        place: CAI_RANG,
        issuedAt: e.at(D, 10),
      }),
    );
    events.push(e.isolationPlaced('f1-ktx', e.at(D, 13), '919'));
    events.push(e.classifiedF1('f1-wait', 'p-case-1/case1', e.at(D, 9)));
    events.push(
      e.isolationOrdered('f1-wait', {
        kind: 'centralized_quarantine',
        startsOn: D,
        place: CAI_RANG,
        issuedAt: e.at(D, 10),
      }),
    );
    events.push(e.isolationWaitlisted('f1-wait', e.at(D, 10), '919'));
    // A follow-up test due at noon, not taken.
    events.push(e.personRegistered('f1-home', CAI_RANG));
    events.push(e.testOrdered('f1-home/t1', 'f1-home', e.at(D, 12), e.at(D, 10)));
    await feed(events);

    const [row] = await desk.turnaround({ level: 'district', code: '919' }, D);

    expect(row).toEqual({
      districtCode: '919',
      date: D,
      collectedToResulted: { count: 3, p50Hours: 10, p90Hours: 30 },
      resultToF1Isolated: { count: 2, p50Hours: 2, p90Hours: 5 },
      overdue: { samplesAwaitingResult: 1, testOrders: 1, isolationAwaitingBed: 1 },
    });
    const report = await desk.dailyReport({ level: 'district', code: '919' }, D);
    expect(report.isolation.f1CentralizedAwaitingBed).toBe(1);
    await expect(desk.turnaround({ level: 'ward', code: '31186' }, D)).rejects.toMatchObject({
      kind: 'invalid',
    });
  });
});

describe('exports', () => {
  it("writes the case line list: a row per case up to the day, its place, source, doses and outcome, as the spreadsheets' UTF-8", async () => {
    const { desk, feed } = reporting();
    // Cases 1-4 in Ninh Kieu; 3 reverted; 1 recovered on D, 2 died the day after D (not yet, on D).
    await feed([
      e.personRegistered('p-case-1', NINH_KIEU, ['2021-08-01', '2021-09-01']),
      e.personRegistered('p-case-2', NINH_KIEU, ['2021-12-01']),
      e.caseConfirmed(1, addDays(D, -12), NINH_KIEU),
      e.caseConfirmed(2, addDays(D, -1), NINH_KIEU, 'quarantine'),
      e.caseConfirmed(3, addDays(D, -1), NINH_KIEU),
      e.caseReverted(3, addDays(D, -1)),
      e.caseConfirmed(4, addDays(D, 1), NINH_KIEU),
      e.caseConfirmed(5, D, CAI_RANG),
      e.caseRecovered(1, D),
      e.caseDied(2, addDays(D, 1)),
    ]);
    const csv = await desk.export('line_list', 'csv', { level: 'district', code: '916' }, D);
    expect(csv.fileName).toBe(`truyvet-line_list-district-916-${D}.csv`);
    expect(csv.content.startsWith('\uFEFF')).toBe(true);
    // The people it names are in the answer, for the read audit (figures name nobody).
    expect(csv.personIds).toEqual(['p-case-1', 'p-case-2']);
    expect((await desk.export('daily', 'csv', { level: 'city' }, D)).personIds).toEqual([]);
    const [header, ...rows] = csv.content.slice(1).trim().split('\n');
    expect(header).toBe(
      'case_id,person_id,district_code,district_name,ward_code,ward_name,sample_collected_on,resulted_on,' +
        'confirmed_on,found_in,likely_source_person_id,cluster_id,doses_at_confirmation,outcome,outcome_on',
    );
    const json = JSON.parse(
      (await desk.export('line_list', 'json', { level: 'district', code: '916' }, D)).content,
    ) as unknown;
    expect(rows).toHaveLength(2);
    expect(json).toEqual([
      expect.objectContaining({
        case_id: 'p-case-1/case1',
        district_name: 'Quận Ninh Kiều',
        confirmed_on: addDays(D, -12),
        found_in: 'community',
        doses_at_confirmation: 2,
        outcome: 'recovered',
        outcome_on: D,
      }),
      expect.objectContaining({
        case_id: 'p-case-2/case1',
        found_in: 'quarantine',
        doses_at_confirmation: 0, // their dose came after
        outcome: 'under_treatment', // died the day after the list's day
        outcome_on: '',
      }),
    ]);
  });

  it('writes the daily figures as CSV, one row per area, and the same rows as JSON', async () => {
    const { desk, feed } = reporting();
    await feed(hueDay());
    const csv = await desk.export('daily', 'csv', { level: 'city' }, D);
    const lines = csv.content.trim().split('\n');
    expect(csv.fileName).toBe(`truyvet-daily-city-92-${D}.csv`);
    expect(lines).toHaveLength(1 + 1 + 9);
    const header = lines[0]?.split(',') ?? [];
    expect(header.slice(0, 4)).toEqual(['area.level', 'area.code', 'area.name', 'date']);
    const city = Object.fromEntries(header.map((h, i) => [h, lines[1]?.split(',')[i]]));
    expect(city).toMatchObject({
      'cases.newToday': '159',
      'cases.total': '2555',
      'isolation.f1Home': '6301',
    });

    const json = await desk.export('daily', 'json', { level: 'city' }, D);
    const rows = JSON.parse(json.content) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ 'cases.newInCommunity': 93, 'isolation.suspectsIsolated': 13 });
  });
});
