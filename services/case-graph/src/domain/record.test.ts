import { describe, expect, it } from '@jest/globals';
import { addDays, defaultTracingRuleBook, TracingRuleBook, defaultTracingRuleSets } from '@truyvet/rules';
import {
  decideAmendment,
  decideArrival,
  decideCaseUpdate,
  decideContacts,
  decideDeath,
  decideExposures,
  decideIdentified,
  decidePlacement,
  decideRecovery,
  decideRelease,
  decideResult,
  releaseCheck,
  type DecisionContext,
  type ExposureUpdate,
  type PersonResult,
} from './record';
import {
  newRecord,
  type Decision,
  type DecidedEvent,
  type PersonOnRecord,
  type TracingRecord,
} from './types';

const rules = defaultTracingRuleBook();
const at = (iso: string): DecisionContext => ({ rules, now: new Date(iso), nextVersion: 2 });
const NOV_8 = at('2021-11-08T10:00:00+07:00');
const ninhKieu = { districtCode: '916', wardCode: '31117' };

const adult: PersonOnRecord = {
  birthYear: 1985,
  districtCode: '916',
  wardCode: '31117',
  householdId: 'hh-1',
  vaccinations: [],
  comorbidities: [],
};

function record(personId: string, person: PersonOnRecord = adult): TracingRecord {
  return newRecord(personId, { districtCode: person.districtCode, wardCode: person.wardCode }, person);
}

function positive(resultId: string, collectedAt = '2021-11-07T08:00:00+07:00'): PersonResult {
  return {
    resultId,
    sampleId: `s-${resultId}`,
    method: 'rt_pcr',
    outcome: 'positive',
    collectedAt,
    resultedAt: '2021-11-08T09:00:00+07:00',
    ctValues: { N: 22 },
    siteDistrictCode: '916',
    siteWardCode: '31117',
  };
}

const types = (d: Decision): string[] => d.emits.map((f) => f.type);
type EventData = { [F in DecidedEvent as F['type']]: F['data'] };
function emits<T extends keyof EventData>(d: Decision, type: T): Array<EventData[T]> {
  return d.emits.filter((f) => f.type === type).map((f) => f.data as unknown as EventData[T]);
}

/** What the contact's record hears from the source after the source's decision. */
function heardFrom(source: TracingRecord, version: number): ExposureUpdate[] {
  return source.contacts.map((contact) => ({
    contact,
    sourcePersonId: source.personId,
    source: source.classification,
    sourceVersion: version,
  }));
}

function confirmedF0(): TracingRecord {
  return decideResult(record('p-a'), positive('r-1'), NOV_8).state;
}

/** The F0 with one household member, p-b, named as their contact. */
function f0WithHousehold(): TracingRecord {
  return decideContacts(
    confirmedF0(),
    [{ contactPersonId: 'p-b', contactType: 'household', lastExposureOn: '2021-11-08' }],
    { via: 'household', recordedBy: 'system' },
    NOV_8,
  ).decision.state;
}

describe('a positive result', () => {
  it('makes the person an F0 found in the community, with treatment and a release test', () => {
    const d = decideResult(record('p-a'), positive('r-1'), NOV_8);
    expect(types(d)).toEqual(['CaseConfirmed', 'PersonClassified', 'IsolationOrdered', 'TestOrdered']);
    const [confirmed] = emits(d, 'CaseConfirmed');
    expect(confirmed).toMatchObject({
      caseId: 'p-a/case1',
      foundIn: 'community',
      infectiousFrom: '2021-11-05', // 2 days before the positive sample
      infectiousUntil: '2021-11-08', // isolated on confirmation
      clusterId: 'p-a/case1',
      sampleId: 's-r-1',
    });
    expect(emits(d, 'PersonClassified')[0]).toMatchObject({
      level: 0,
      previousLevel: null,
      rootCaseId: 'p-a/case1',
    });
    // Late-2021 rule set: an adult without risk factors is cared for at home.
    expect(emits(d, 'IsolationOrdered')[0]).toMatchObject({ kind: 'treatment', tier: 'home', reason: 'f0' });
    expect(emits(d, 'TestOrdered')[0]).toMatchObject({
      reason: 'f0_release_test',
      dueBy: '2021-11-18T23:59:59+07:00',
    });
  });

  it('counts on the day the lab made it, when it is entered late (not on the day it is processed)', () => {
    // Resulted on 8 November, entered on the morning of the 10th.
    const d = decideResult(record('p-a'), positive('r-1'), at('2021-11-10T08:30:00+07:00'));
    const [confirmed] = emits(d, 'CaseConfirmed');
    expect(confirmed).toMatchObject({ confirmedAt: '2021-11-08T02:00:00.000Z' });
    // The treatment order is made today: an order does not start before it was given.
    expect(emits(d, 'IsolationOrdered')[0]).toMatchObject({ kind: 'treatment', startsOn: '2021-11-10' });
  });

  it('is one case however often it comes, and a second positive joins the same episode', () => {
    const once = decideResult(record('p-a'), positive('r-1'), NOV_8);
    expect(decideResult(once.state, positive('r-1'), NOV_8).changed).toBe(false);
    const second = decideResult(once.state, positive('r-2', '2021-11-06T08:00:00+07:00'), NOV_8);
    expect(types(second)).toEqual(['CaseUpdated', 'PersonClassified']);
    expect(second.state.cases).toHaveLength(1);
    expect(second.state.cases[0]?.infectiousFrom).toBe('2021-11-04'); // an earlier sample opens it earlier
  });

  it('tiers an elderly person with a comorbidity into a facility', () => {
    const elderly = { ...adult, birthYear: 1950, comorbidities: ['diabetes'] };
    const d = decideResult(record('p-old', elderly), positive('r-9'), NOV_8);
    expect(emits(d, 'IsolationOrdered')[0]).toMatchObject({ tier: 'tier2' });
  });

  it('remembers a negative without classifying anyone', () => {
    const d = decideResult(record('p-n'), { ...positive('r-n'), outcome: 'negative' }, NOV_8);
    expect(d.emits).toEqual([]);
    expect(d.state.results).toHaveLength(1);
  });
});

describe('contacts and the cascade', () => {
  it('refuses contacts of a person who is not an F0 or a traced contact', () => {
    expect(() =>
      decideContacts(
        record('p-x'),
        [{ contactPersonId: 'p-y', contactType: 'household', lastExposureOn: '2021-11-07' }],
        { via: 'tracer', recordedBy: 't' },
        NOV_8,
      ),
    ).toThrow(/not an F0 or a traced contact/);
  });

  it('checks every contact on its own: itself, the future, outside the window', () => {
    const { outcomes, decision } = decideContacts(
      confirmedF0(),
      [
        { contactPersonId: 'p-a', contactType: 'household', lastExposureOn: '2021-11-07' },
        { contactPersonId: 'p-b', contactType: 'workplace', lastExposureOn: '2021-11-09' },
        { contactPersonId: 'p-c', contactType: 'venue', lastExposureOn: '2021-11-01' },
        { contactPersonId: 'p-d', contactType: 'household', lastExposureOn: '2021-11-07' },
      ],
      { via: 'tracer', recordedBy: 't' },
      NOV_8,
    );
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'recorded']);
    expect(outcomes[0]?.fields?.[0]?.field).toBe('contacts.0.contactPersonId');
    expect(outcomes[1]?.fields?.[0]?.description).toMatch(/future/);
    expect(outcomes[2]?.fields?.[0]?.description).toMatch(
      /before the infectious window, which opens on 2021-11-05/,
    );
    expect(emits(decision, 'ContactRecorded')).toHaveLength(1);
  });

  it('makes a contact of an F0 an F1 in quarantine from the last exposure, with tests on days 1, 7 and 14', () => {
    const f0 = f0WithHousehold();
    const d = decideExposures(record('p-b'), heardFrom(f0, 3), NOV_8);
    expect(types(d)).toEqual([
      'PersonClassified',
      'IsolationOrdered',
      'TestOrdered',
      'TestOrdered',
      'TestOrdered',
    ]);
    expect(emits(d, 'PersonClassified')[0]).toMatchObject({
      level: 1,
      path: ['p-a', 'p-b'],
      rootCaseId: 'p-a/case1',
    });
    expect(emits(d, 'IsolationOrdered')[0]).toMatchObject({
      kind: 'centralized_quarantine',
      startsOn: '2021-11-08',
      endsOn: '2021-11-22',
      ruleSetId: 'vn-2021-vaccinated-7d',
    });
    expect(emits(d, 'TestOrdered').map((t) => t.dueBy.slice(0, 10))).toEqual([
      '2021-11-09',
      '2021-11-15',
      '2021-11-22',
    ]);
    // The same news again changes nothing.
    expect(decideExposures(d.state, heardFrom(f0, 3), NOV_8).changed).toBe(false);
  });

  it('gives a fully vaccinated F1 the shorter quarantine of the rule set in force on the exposure day', () => {
    const vaccinated = {
      ...adult,
      vaccinations: [
        { dose: 1, date: '2021-08-01' },
        { dose: 2, date: '2021-09-01' },
      ],
    };
    const f0 = decideContacts(
      confirmedF0(),
      [{ contactPersonId: 'p-v', contactType: 'workplace', lastExposureOn: '2021-11-06' }],
      { via: 'tracer', recordedBy: 't' },
      NOV_8,
    ).decision.state;
    const d = decideExposures(record('p-v', vaccinated), heardFrom(f0, 3), NOV_8);
    expect(emits(d, 'IsolationOrdered')[0]).toMatchObject({ endsOn: '2021-11-13' });
    expect(emits(d, 'TestOrdered')).toHaveLength(2);
  });

  it('follows the rule set of the exposure day: 21 days in the Delta wave', () => {
    const june = at('2021-06-10T10:00:00+07:00');
    const f0 = decideResult(record('p-a'), positive('r-1', '2021-06-09T08:00:00+07:00'), june).state;
    const withContact = decideContacts(
      f0,
      [{ contactPersonId: 'p-b', contactType: 'household', lastExposureOn: '2021-06-09' }],
      { via: 'household', recordedBy: 'system' },
      june,
    ).decision.state;
    const d = decideExposures(record('p-b'), heardFrom(withContact, 3), june);
    expect(emits(d, 'IsolationOrdered')[0]).toMatchObject({
      endsOn: '2021-06-30',
      ruleSetId: 'vn-2021-delta-21d',
    });
  });

  it('makes a contact of an F1 an F2 on self-monitoring, and stops at the depth of the rule set', () => {
    const f1 = decideExposures(record('p-b'), heardFrom(f0WithHousehold(), 3), NOV_8).state;
    const withContact = decideContacts(
      f1,
      [{ contactPersonId: 'p-c', contactType: 'workplace', lastExposureOn: '2021-11-07' }],
      { via: 'tracer', recordedBy: 't' },
      NOV_8,
    ).decision.state;
    const f2 = decideExposures(record('p-c'), heardFrom(withContact, 4), NOV_8);
    expect(emits(f2, 'PersonClassified')[0]).toMatchObject({ level: 2, path: ['p-a', 'p-b', 'p-c'] });
    expect(emits(f2, 'IsolationOrdered')[0]).toMatchObject({ kind: 'self_monitoring', endsOn: '2021-11-21' });
    expect(emits(f2, 'TestOrdered')).toHaveLength(0);
    // An F2's contacts are not traced at depth 2.
    expect(() =>
      decideContacts(
        f2.state,
        [{ contactPersonId: 'p-d', contactType: 'workplace', lastExposureOn: '2021-11-07' }],
        { via: 'tracer', recordedBy: 't' },
        NOV_8,
      ),
    ).toThrow(/F2 \(contacts are traced to F2\)/);
    // A rule set tracing to depth 3 (2020 practice) makes their contacts F3.
    const deep = new TracingRuleBook(
      defaultTracingRuleSets.map((s) => ({ ...s, contacts: { ...s.contacts, maxDepth: 3 } })),
    );
    expect(() =>
      decideContacts(
        f2.state,
        [{ contactPersonId: 'p-d', contactType: 'workplace', lastExposureOn: '2021-11-07' }],
        { via: 'tracer', recordedBy: 't' },
        { ...NOV_8, rules: deep },
      ),
    ).not.toThrow();
  });

  it('upgrades an F1 with a positive follow-up to an F0 found in quarantine, ending the quarantine and its tests', () => {
    const f0 = f0WithHousehold();
    const f1 = decideExposures(record('p-b'), heardFrom(f0, 3), NOV_8).state;
    const d = decideResult(f1, positive('r-b', '2021-11-09T08:00:00+07:00'), at('2021-11-10T09:00:00+07:00'));
    expect(types(d)).toEqual([
      'CaseConfirmed',
      'PersonClassified',
      'TestOrderCancelled', // days 7 and 14; day 1 was the positive sample
      'TestOrderCancelled',
      'IsolationEnded',
      'IsolationOrdered',
      'TestOrdered',
    ]);
    expect(emits(d, 'CaseConfirmed')[0]).toMatchObject({
      foundIn: 'quarantine',
      likelySourcePersonId: 'p-a',
      clusterId: 'p-a/case1',
      infectiousUntil: '2021-11-08', // isolated since the centralized quarantine began
    });
    expect(emits(d, 'IsolationEnded')[0]).toMatchObject({
      reason: 'superseded',
      kind: 'centralized_quarantine',
    });
    expect(emits(d, 'PersonClassified')[0]).toMatchObject({ level: 0, previousLevel: 1 });
  });
});

describe('amendments', () => {
  it('revert a case standing on the amended result, and withdraw its isolation and tests', () => {
    const f0 = confirmedF0();
    const d = decideAmendment(
      f0,
      {
        resultId: 'r-1b',
        amendsResultId: 'r-1',
        sampleId: 's-r-1',
        outcome: 'negative',
        reason: 'contamination',
        amendedAt: '2021-11-09T08:00:00+07:00',
      },
      undefined,
      at('2021-11-09T08:00:00+07:00'),
    );
    expect(types(d)).toEqual(['CaseReverted', 'PersonClassified', 'TestOrderCancelled', 'IsolationEnded']);
    expect(emits(d, 'PersonClassified')[0]).toMatchObject({
      level: null,
      previousLevel: 0,
      reason: 'case_reverted',
    });
    expect(emits(d, 'IsolationEnded')[0]).toMatchObject({ reason: 'withdrawn' });
    // Replayed, it changes nothing.
    expect(
      decideAmendment(
        d.state,
        {
          resultId: 'r-1b',
          amendsResultId: 'r-1',
          sampleId: 's-r-1',
          outcome: 'negative',
          reason: 'x',
          amendedAt: '2021-11-09T08:00:00+07:00',
        },
        undefined,
        NOV_8,
      ).changed,
    ).toBe(false);
  });

  it('demote the contacts of a reverted case once they hear of it', () => {
    const f0 = f0WithHousehold();
    const f1 = decideExposures(record('p-b'), heardFrom(f0, 3), NOV_8).state;
    const reverted = decideAmendment(
      f0,
      {
        resultId: 'r-1b',
        amendsResultId: 'r-1',
        sampleId: 's-r-1',
        outcome: 'negative',
        reason: 'typo',
        amendedAt: '2021-11-09T08:00:00+07:00',
      },
      undefined,
      NOV_8,
    ).state;
    const d = decideExposures(f1, heardFrom(reverted, 4), NOV_8);
    expect(emits(d, 'PersonClassified')[0]).toMatchObject({
      level: null,
      previousLevel: 1,
      reason: 'source_changed',
    });
    expect(emits(d, 'IsolationEnded')[0]).toMatchObject({ reason: 'withdrawn' });
    expect(emits(d, 'TestOrderCancelled')).toHaveLength(3);
    // A late copy of the old news does not re-classify them.
    expect(decideExposures(d.state, heardFrom(f0, 3), NOV_8).changed).toBe(false);
  });

  it('make a case from a negative amended to positive, with the original sample day', () => {
    const negative = decideResult(record('p-n'), { ...positive('r-n'), outcome: 'negative' }, NOV_8).state;
    const d = decideAmendment(
      negative,
      {
        resultId: 'r-n2',
        amendsResultId: 'r-n',
        sampleId: 's-r-n',
        outcome: 'positive',
        reason: 're-run',
        amendedAt: '2021-11-09T08:00:00+07:00',
      },
      undefined,
      at('2021-11-09T08:00:00+07:00'),
    );
    expect(emits(d, 'CaseConfirmed')[0]).toMatchObject({ infectiousFrom: '2021-11-05', resultId: 'r-n2' });
  });
});

describe('identification of a contact named by details', () => {
  it('waits for the registry, then records the contact on the person it names', () => {
    const { decision, outcomes } = decideContacts(
      confirmedF0(),
      [
        {
          details: {
            fullName: 'Trần Thị B',
            birthYear: 1990,
            address: ninhKieu,
            vaccinations: [],
            comorbidities: [],
          },
          contactType: 'workplace',
          lastExposureOn: '2021-11-06',
        },
      ],
      { via: 'tracer', recordedBy: 't' },
      NOV_8,
    );
    expect(outcomes[0]).toMatchObject({ status: 'awaiting_identification', contactRef: 'p-a~c1' });
    expect(types(decision)).toEqual(['ContactIdentificationRequested']);
    const identified = decideIdentified(decision.state, 'p-a~c1', 'p-b', NOV_8);
    expect(emits(identified, 'ContactRecorded')[0]).toMatchObject({
      contactPersonId: 'p-b',
      lastExposureOn: '2021-11-06',
    });
    expect(identified.state.pendingContacts).toEqual([]);
    expect(decideIdentified(identified.state, 'p-a~c1', 'p-b', NOV_8).changed).toBe(false);
  });
});

describe('case updates, recovery and death', () => {
  it('moves the infectious window to 2 days before the symptom onset', () => {
    const d = decideCaseUpdate(
      confirmedF0(),
      { caseId: 'p-a/case1', symptomOnset: '2021-11-04', updatedBy: 't' },
      NOV_8,
    );
    expect(emits(d, 'CaseUpdated')[0]).toMatchObject({
      infectiousFrom: '2021-11-02',
      changedFields: ['symptomOnset'],
    });
    expect(emits(d, 'PersonClassified')).toHaveLength(1);
  });

  it('re-tiers on severity without a new order', () => {
    const d = decideCaseUpdate(
      confirmedF0(),
      { caseId: 'p-a/case1', severity: 'severe', updatedBy: 'dr' },
      NOV_8,
    );
    const [order] = emits(d, 'IsolationOrdered');
    expect(order).toMatchObject({ tier: 'tier3', orderId: 'p-a/iso1' });
  });

  it('releases a recovered F0 only after the days of treatment and a negative test', () => {
    const f0 = confirmedF0();
    const day12 = at('2021-11-20T10:00:00+07:00');
    expect(() =>
      decideRecovery(f0, { caseId: 'p-a/case1', recoveredOn: '2021-11-12', recordedBy: 'dr' }, day12),
    ).toThrow(/treated 4 days/);
    expect(() =>
      decideRecovery(f0, { caseId: 'p-a/case1', recoveredOn: '2021-11-20', recordedBy: 'dr' }, day12),
    ).toThrow(/needs a negative test/);
    const tested = decideResult(
      f0,
      { ...positive('r-neg'), outcome: 'negative', collectedAt: '2021-11-18T08:00:00+07:00' },
      day12,
    ).state;
    const d = decideRecovery(
      tested,
      { caseId: 'p-a/case1', recoveredOn: '2021-11-20', recordedBy: 'dr' },
      day12,
    );
    // The negative of day 10 was the release test.
    expect(types(d)).toEqual(['CaseRecovered', 'IsolationEnded']);
    expect(emits(d, 'IsolationEnded')[0]).toMatchObject({ reason: 'recovered' });
  });

  it('records a death and ends the treatment', () => {
    const d = decideDeath(
      confirmedF0(),
      { caseId: 'p-a/case1', diedOn: '2021-11-08', recordedBy: 'dr' },
      NOV_8,
    );
    expect(types(d)).toEqual(['CaseDied', 'TestOrderCancelled', 'IsolationEnded']);
  });
});

describe('arrivals and release', () => {
  it('quarantines an arrival from an epidemic area for 14 days, and nobody from elsewhere', () => {
    const d = decideArrival(
      record('p-r'),
      { fromAreaCode: '79', arrivedOn: '2021-11-07', recordedBy: 'chot' },
      NOV_8,
    );
    expect(emits(d, 'IsolationOrdered')[0]).toMatchObject({
      kind: 'centralized_quarantine',
      reason: 'arrival',
      endsOn: '2021-11-21',
    });
    const elsewhere = decideArrival(
      record('p-s'),
      { fromAreaCode: '01', arrivedOn: '2021-11-07', recordedBy: 'chot' },
      NOV_8,
    );
    expect(elsewhere.emits).toEqual([]);
    expect(elsewhere.state.arrivals[0]?.epidemicArea).toBe(false);
  });

  it('releases a quarantine when the period is over and the last test is negative', () => {
    const f0 = f0WithHousehold();
    const f1 = decideExposures(record('p-b'), heardFrom(f0, 3), NOV_8).state;
    const endDay = at('2021-11-22T18:00:00+07:00');
    expect(releaseCheck(f1, NOV_8)).toEqual({ releasable: false, why: 'not_due' });
    expect(releaseCheck(f1, endDay)).toEqual({ releasable: false, why: 'awaiting_last_test' });
    const tested = decideResult(
      f1,
      { ...positive('r-d14'), outcome: 'negative', collectedAt: '2021-11-22T07:00:00+07:00' },
      endDay,
    ).state;
    const d = decideRelease(tested, endDay);
    // The tests of days 1 and 7 were missed: they are cancelled with the release.
    expect(types(d)).toEqual(['TestOrderCancelled', 'TestOrderCancelled', 'IsolationEnded']);
    expect(emits(d, 'IsolationEnded')[0]).toMatchObject({ reason: 'released' });
    expect(d.state.orders[0]?.tests.map((t) => t.status)).toEqual(['cancelled', 'cancelled', 'done']);
    // Released, they are not quarantined again for the same exposure.
    expect(decideExposures(d.state, heardFrom(f0, 5), endDay).emits).toEqual([]);
  });

  it('settles a quarantine whose last test never came as the rules say, after their grace days', () => {
    const f1 = decideExposures(record('p-b'), heardFrom(f0WithHousehold(), 3), NOV_8).state;
    const order = f1.orders[0];
    if (!order?.endsOn) throw new Error('no quarantine');
    const day = (n: number) => at(`${addDays(order.endsOn ?? '', n)}T18:00:00+07:00`);
    // Two days of grace (late-2021 sets): still waited for, then handed to the ward team.
    expect(releaseCheck(f1, day(2))).toEqual({ releasable: false, why: 'awaiting_last_test' });
    expect(releaseCheck(f1, day(3))).toEqual({
      releasable: false,
      why: 'last_test_missing',
      settle: 'flag',
      orderId: order.orderId,
    });
    expect(decideRelease(f1, day(3)).changed).toBe(false); // the ward team decides (a task)
    // A province whose rule releases them all the same: released, the open tests cancelled saying so.
    const releasing = new TracingRuleBook(
      defaultTracingRuleSets.map((set) => ({ ...set, missingLastTest: { graceDays: 2, settle: 'release' } })),
    );
    const d = decideRelease(f1, { ...day(3), rules: releasing });
    expect(emits(d, 'IsolationEnded')[0]).toMatchObject({ reason: 'released' });
    expect(emits(d, 'TestOrderCancelled').map((c) => c.reason)).toEqual([
      'released without its last test (rule: missingLastTest)',
      'released without its last test (rule: missingLastTest)',
      'released without its last test (rule: missingLastTest)',
    ]);
  });
});

describe('placements on the record', () => {
  it('shows the latest by when it happened, whatever order the events come in', () => {
    const f0 = confirmedF0();
    const orderId = f0.orders[0]?.orderId ?? '';
    const bed = { facilityId: 'bv-t2', facilityName: 'Bệnh viện dã chiến số 2' };
    const placed = decidePlacement(f0, orderId, bed, '2021-11-08T10:00:00.000Z').state;
    expect(placed.orders[0]).toMatchObject({ facilityId: 'bv-t2', placedAt: '2021-11-08T10:00:00.000Z' });
    // Moved up while the ICU is full: the bed is gone, the order waits.
    const waiting = decidePlacement(placed, orderId, 'waitlisted', '2021-11-09T07:00:00.000Z').state;
    expect(waiting.orders[0]?.waitlisted).toBe(true);
    expect(waiting.orders[0]?.facilityId).toBeUndefined();
    // The first wait, published late (another commit of the list): older than the bed, no change.
    const late = decidePlacement(placed, orderId, 'waitlisted', '2021-11-08T09:00:00.000Z');
    expect(late.changed).toBe(false);
  });
});
