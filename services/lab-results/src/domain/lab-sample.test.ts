import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { defaultRuleBook } from '@truyvet/rules';
import { matchAccession } from './accession';
import { percentile, turnaround } from './turnaround';
import { interpretResult, readCtValues, type TestOutcome } from './interpretation';
import {
  checkResultTime,
  decideAmendment,
  decideResult,
  newLabSample,
  recordMemberOutcome,
  type LabSampleState,
  type RecordResult,
} from './lab-sample';

const rules = defaultRuleBook().inForceOn('2021-11-07');
const kit = rules.lab.kits.find((k) => k.id === 'allplex-2019-ncov');
if (!kit) throw new Error('the default rules have no Allplex kit');
const AT = new Date('2021-11-08T10:00:00+07:00');

function sample(personIds: string[], barcode = 'CT-0001'): LabSampleState {
  return newLabSample({
    sampleId: `s-${barcode}`,
    barcode,
    pooled: personIds.length > 1,
    personIds,
    collectedAt: '2021-11-07T08:30:00+07:00',
    site: { districtCode: '916', wardCode: '31117' },
    reason: 'mass_testing',
    specimenType: 'oropharyngeal',
  });
}

const pcr = (ctValues: Record<string, number>, extra: Partial<RecordResult> = {}): RecordResult => ({
  method: 'rt_pcr',
  kitId: 'allplex-2019-ncov',
  ctValues,
  labId: 'cdc-can-tho',
  recordedBy: 'lab-tech-1',
  resultedAt: AT,
  ...extra,
});

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

function recorded(decision: ReturnType<typeof decideResult>) {
  if (decision.outcome !== 'recorded') throw new Error('nothing recorded');
  return decision;
}

describe('reading Ct values by the kit in the rule set', () => {
  it.each<[Record<string, number>, TestOutcome]>([
    [{ E: 22.1, N: 24 }, 'positive'],
    [{ N: 36.9 }, 'positive'],
    [{ N: 37 }, 'inconclusive'],
    [{ RdRp: 39.5 }, 'inconclusive'],
    [{}, 'negative'],
    [{ E: 40.2 }, 'negative'],
  ])('%j reads %s', (ct, outcome) => {
    expect(readCtValues(kit, ct)).toBe(outcome);
  });

  it('refuses a typed outcome that contradicts the Ct values, unknown kits and genes, and Ct out of range', () => {
    expect(
      interpretResult({ method: 'rt_pcr', kitId: kit.id, ctValues: { N: 20 }, outcome: 'negative' }, rules),
    ).toMatchObject({
      ok: false,
      fields: [{ field: 'outcome' }],
    });
    expect(interpretResult({ method: 'rt_pcr', kitId: 'nope', ctValues: {} }, rules)).toMatchObject({
      ok: false,
      fields: [{ field: 'kitId' }],
    });
    const bad = interpretResult({ method: 'rt_pcr', kitId: kit.id, ctValues: { ORF9: 20, N: 60 } }, rules);
    expect(bad.ok ? [] : bad.fields.map((f) => f.field)).toEqual(['ctValues.ORF9', 'ctValues.N']);
  });

  it('records a rapid antigen test as read, without Ct values', () => {
    expect(interpretResult({ method: 'rapid_antigen', outcome: 'positive' }, rules)).toEqual({
      ok: true,
      outcome: 'positive',
    });
    expect(interpretResult({ method: 'rapid_antigen' }, rules).ok).toBe(false);
    expect(
      interpretResult({ method: 'rapid_antigen', outcome: 'negative', ctValues: { N: 30 } }, rules).ok,
    ).toBe(false);
  });
});

describe('accessioning a shipment', () => {
  const manifest = ['A1', 'A2', 'A3', 'A4'].map((b) => ({ sampleId: `s-${b}`, barcode: b }));
  it('reports received, missing, unexpected and rejected tubes with reasons', () => {
    const accession = matchAccession({
      manifest,
      scans: [
        { barcode: 'a1', condition: 'ok' },
        { barcode: 'A2', condition: 'leaking' },
        { barcode: 'A4', condition: 'ok' },
        { barcode: 'A4', condition: 'ok' }, // scanned twice
        { barcode: 'ZZ9', condition: 'ok' },
      ],
      collectedAt: new Map([['s-A4', '2021-11-01T08:00:00+07:00']]),
      receivedAt: AT,
      rules,
    });
    expect(accession.receivedSampleIds).toEqual(['s-A1']);
    expect(accession.missingSampleIds).toEqual(['s-A3']);
    expect(accession.unexpectedBarcodes).toEqual(['ZZ9']);
    expect(accession.rejected).toEqual([
      { sampleId: 's-A2', reason: 'leaking' },
      {
        sampleId: 's-A4',
        reason: expect.stringMatching(/^too_old: collected 170 h before receipt \(limit 72 h\)$/),
      },
    ]);
  });
});

describe('results', () => {
  it('gives an individual positive to the person, with the emits case-graph needs', () => {
    const decision = recorded(decideResult(sample(['p-1']), pcr({ E: 21, N: 23 }), rules));
    expect(decision.emits.personResults).toEqual([
      expect.objectContaining({
        personId: 'p-1',
        pooled: false,
        outcome: 'positive',
        resultId: 'r-s-CT-0001-1',
        ctValues: { E: 21, N: 23 },
        collectedAt: '2021-11-07T08:30:00+07:00',
        siteDistrictCode: '916',
        ruleSetId: rules.id,
      }),
    ]);
    expect(decision.emits.orders).toEqual([]);
  });

  it('gives each member of a negative pool a definitive negative', () => {
    const decision = recorded(decideResult(sample(['p-1', 'p-2', 'p-3']), pcr({}), rules));
    expect(decision.emits.poolResult?.outcome).toBe('negative');
    expect(decision.emits.personResults.map((r) => [r.personId, r.outcome, r.pooled])).toEqual([
      ['p-1', 'negative', true],
      ['p-2', 'negative', true],
      ['p-3', 'negative', true],
    ]);
  });

  it('makes a positive pool no diagnosis: members get individual re-test orders instead', () => {
    const decision = recorded(decideResult(sample(['p-1', 'p-2']), pcr({ N: 30 }), rules));
    expect(decision.emits.personResults).toEqual([]);
    expect(decision.emits.orders).toEqual([
      {
        orderId: 'r-s-CT-0001-1:p-1',
        personId: 'p-1',
        reason: 'pool_member_retest',
        dueBy: '2021-11-09T03:00:00.000Z',
        cause: 's-CT-0001',
      },
      {
        orderId: 'r-s-CT-0001-1:p-2',
        personId: 'p-2',
        reason: 'pool_member_retest',
        dueBy: '2021-11-09T03:00:00.000Z',
        cause: 's-CT-0001',
      },
    ]);
    expect(decision.state.openOrders).toHaveLength(2);
  });

  it('orders a re-test of an inconclusive individual result', () => {
    const decision = recorded(decideResult(sample(['p-1']), pcr({ N: 38 }), rules));
    expect(decision.emits.orders.map((o) => o.reason)).toEqual(['inconclusive_retest']);
  });

  it('takes the same reading twice as one, and refuses a different second result', () => {
    const first = recorded(decideResult(sample(['p-1']), pcr({ N: 20 }), rules));
    expect(decideResult(first.state, pcr({ N: 20 }), rules).outcome).toBe('unchanged');
    expect(refusal(() => decideResult(first.state, pcr({}), rules)).code).toBe('SAMPLE_ALREADY_RESULTED');
  });

  it('refuses a result time in the future or before the swab', () => {
    const state = sample(['p-1']);
    const fieldOf = (at: string) =>
      refusal(() => {
        checkResultTime(state, new Date(at), AT);
      }).fields[0]?.description;
    expect(fieldOf('2021-11-08T04:00:00Z')).toBe('is in the future');
    expect(fieldOf('2021-11-07T00:00:00Z')).toMatch(/^is before the sample was collected/);
    expect(() => {
      checkResultTime(state, AT, AT);
    }).not.toThrow();
  });

  it('refuses a result time before the lab received the tube (the turnaround would read negative)', () => {
    const state = { ...sample(['p-1']), receivedAt: '2021-11-07T20:00:00.000Z' };
    const at = new Date('2021-11-07T19:00:00Z'); // after the swab, an hour before the receipt
    expect(
      refusal(() => {
        checkResultTime(state, at, AT);
      }).fields,
    ).toEqual([
      { field: 'resultedAt', description: 'is before the lab received the tube (2021-11-07T20:00:00.000Z)' },
    ]);
    expect(() => {
      checkResultTime(state, new Date('2021-11-07T21:00:00Z'), AT);
    }).not.toThrow();
  });

  it('refuses a result for a tube rejected at accessioning', () => {
    const state = { ...sample(['p-1']), rejectedAtAccession: 'leaking' };
    expect(refusal(() => decideResult(state, pcr({}), rules)).code).toBe('SAMPLE_REJECTED_AT_ACCESSION');
  });
});

describe('amendments', () => {
  const reason = 'nhiễm chéo trên khay, chạy lại';

  it('amends an individual positive to negative: case-graph sees the amendment for the person', () => {
    const first = recorded(decideResult(sample(['p-1']), pcr({ N: 20 }), rules));
    const amended = recorded(decideAmendment(first.state, { ...pcr({}), reason }, rules));
    expect(amended.emits.personAmendments).toEqual([
      expect.objectContaining({
        personId: 'p-1',
        amendsResultId: 'r-s-CT-0001-1',
        resultId: 'r-s-CT-0001-2',
        previousOutcome: 'positive',
        outcome: 'negative',
        reason,
        // The tube's facts, for a consumer that kept nothing of the amended result.
        method: 'rt_pcr',
        collectedAt: first.state.sample.collectedAt,
        siteDistrictCode: first.state.sample.site.districtCode,
      }),
    ]);
    expect(amended.state.results.map((r) => [r.resultId, r.outcome, r.amends])).toEqual([
      ['r-s-CT-0001-1', 'positive', undefined],
      ['r-s-CT-0001-2', 'negative', 'r-s-CT-0001-1'],
    ]);
  });

  it('turns a negative pool positive: members lose their negatives and get re-test orders', () => {
    const first = recorded(decideResult(sample(['p-1', 'p-2']), pcr({}), rules));
    const amended = recorded(decideAmendment(first.state, { ...pcr({ E: 33 }), reason }, rules));
    expect(amended.emits.poolAmendment).toMatchObject({ previousOutcome: 'negative', outcome: 'positive' });
    expect(amended.emits.personAmendments.map((a) => [a.personId, a.outcome])).toEqual([
      ['p-1', 'withdrawn'],
      ['p-2', 'withdrawn'],
    ]);
    expect(amended.emits.orders.map((o) => o.personId)).toEqual(['p-1', 'p-2']);
  });

  it('turns a positive pool negative: re-test orders cancelled, members get their negatives', () => {
    const first = recorded(decideResult(sample(['p-1', 'p-2']), pcr({ E: 33 }), rules));
    const amended = recorded(decideAmendment(first.state, { ...pcr({}), reason }, rules));
    expect(amended.emits.cancellations.map((c) => c.orderId)).toEqual([
      'r-s-CT-0001-1:p-1',
      'r-s-CT-0001-1:p-2',
    ]);
    expect(amended.emits.personResults.map((r) => [r.personId, r.outcome])).toEqual([
      ['p-1', 'negative'],
      ['p-2', 'negative'],
    ]);
    expect(amended.state.openOrders).toEqual([]);
  });

  it('refuses to amend a tube with no result, and changes nothing for the same reading', () => {
    expect(refusal(() => decideAmendment(sample(['p-1']), { ...pcr({}), reason }, rules)).code).toBe(
      'SAMPLE_NOT_RESULTED',
    );
    const first = recorded(decideResult(sample(['p-1']), pcr({}), rules));
    expect(decideAmendment(first.state, { ...pcr({}), reason }, rules).outcome).toBe('unchanged');
  });
});

describe('deconvolution review', () => {
  it('flags a positive pool whose members all test negative, once', () => {
    let state = recorded(decideResult(sample(['p-1', 'p-2']), pcr({ N: 35 }), rules)).state;
    const first = recorded(
      recordMemberOutcome(state, { personId: 'p-1', resultId: 'r-x-1', outcome: 'negative' }),
    );
    expect(first.emits.poolReview).toBeUndefined();
    state = first.state;
    expect(
      recordMemberOutcome(state, { personId: 'p-1', resultId: 'r-x-1', outcome: 'negative' }).outcome,
    ).toBe('unchanged');
    const second = recorded(
      recordMemberOutcome(state, { personId: 'p-2', resultId: 'r-y-1', outcome: 'negative' }),
    );
    expect(second.emits.poolReview).toEqual({
      sampleId: 's-CT-0001',
      poolResultId: 'r-s-CT-0001-1',
      personIds: ['p-1', 'p-2'],
      memberResultIds: ['r-x-1', 'r-y-1'],
    });
    expect(second.state.openOrders).toEqual([]);
  });

  it('does not flag a pool with a positive member', () => {
    let state = recorded(decideResult(sample(['p-1', 'p-2']), pcr({ N: 35 }), rules)).state;
    state = recorded(
      recordMemberOutcome(state, { personId: 'p-1', resultId: 'r-x-1', outcome: 'positive' }),
    ).state;
    const last = recorded(
      recordMemberOutcome(state, { personId: 'p-2', resultId: 'r-y-1', outcome: 'negative' }),
    );
    expect(last.emits.poolReview).toBeUndefined();
  });
});

describe('turnaround', () => {
  const book = defaultRuleBook();
  const at = (iso: string) => iso;
  function tube(
    barcode: string,
    collectedAt: string,
    receivedAt?: string,
    resultedAt?: string,
  ): LabSampleState {
    const s = { ...sample(['p-1'], barcode) };
    s.sample = { ...s.sample, collectedAt };
    if (receivedAt) s.receivedAt = receivedAt;
    if (resultedAt)
      s.results = [
        {
          resultId: 'r',
          method: 'rt_pcr',
          outcome: 'negative',
          ruleSetId: 'x',
          labId: 'l',
          recordedBy: 'k',
          resultedAt,
        },
      ];
    return s;
  }

  it('gives p50/p90 per stage for a district and Vietnamese day, and the overdue tubes', () => {
    const samples = [
      tube('T1', at('2021-11-07T01:00:00Z'), at('2021-11-07T05:00:00Z'), at('2021-11-07T09:00:00Z')), // 4 h + 4 h
      tube('T2', at('2021-11-07T02:00:00Z'), at('2021-11-07T04:00:00Z'), at('2021-11-07T14:00:00Z')), // 2 h + 10 h
      tube('T3', at('2021-11-07T03:00:00Z'), at('2021-11-07T09:00:00Z')), // received, no result
      tube('T4', at('2021-11-06T16:30:00Z')), // 23:30 on 6 Nov in Vietnam: another day
      tube('T5', at('2021-11-06T17:30:00Z')), // 00:30 on 7 Nov in Vietnam
    ];
    const report = turnaround(
      samples,
      { districtCode: '916', date: '2021-11-07' },
      book,
      new Date('2021-11-08T12:00:00Z'),
    );
    expect(report).toMatchObject({ collected: 4, received: 3, resulted: 2, rejected: 0 });
    expect(report.collectedToReceived).toEqual({ count: 3, p50Hours: 4, p90Hours: 6 });
    expect(report.receivedToResulted).toEqual({ count: 2, p50Hours: 4, p90Hours: 10 });
    expect(report.collectedToResulted).toEqual({ count: 2, p50Hours: 8, p90Hours: 12 });
    expect(report.overdueSampleIds).toEqual(['s-T3', 's-T5']);
  });

  it('reads percentiles by nearest rank', () => {
    expect(percentile([], 50)).toBe(0);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([5], 90)).toBe(5);
  });
});

describe('the lab a tube was sent to', () => {
  const received = { ...sample(['p-1']), labId: 'lab-92' };
  it('records and amends only its own tubes; an admin corrects for any lab', () => {
    expect(
      refusal(() => decideResult(received, pcr({ E: 20, N: 22 }, { labId: 'lab-93' }), rules)).code,
    ).toBe('NOT_THIS_LABS_TUBE');
    expect(decideResult(received, pcr({ E: 20, N: 22 }, { labId: 'lab-92' }), rules).outcome).toBe(
      'recorded',
    );
    expect(
      decideResult(received, pcr({ E: 20, N: 22 }, { labId: 'lab-unknown', forAnyLab: true }), rules).outcome,
    ).toBe('recorded');
    // A tube received before labs were recorded on tubes is anyone's, as before.
    expect(decideResult(sample(['p-1']), pcr({ E: 20, N: 22 }, { labId: 'lab-93' }), rules).outcome).toBe(
      'recorded',
    );
  });
});
