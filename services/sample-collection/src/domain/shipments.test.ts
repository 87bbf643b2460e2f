import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { defaultRuleBook } from '@truyvet/rules';
import { decideDispatch, isOverdue } from './shipments';
import type { SampleState } from './samples';

function sample(
  sampleId: string,
  districtCode = '916',
  status: SampleState['status'] = 'collected',
): SampleState {
  return {
    status,
    collectedBy: 't',
    sample: {
      sampleId,
      barcode: sampleId.slice(2),
      pooled: false,
      personIds: ['p'],
      collectedAt: '2021-11-07T01:00:00.000Z',
      site: { districtCode },
      reason: 'mass_testing',
      specimenType: 'nasal',
    },
  };
}

const samples = new Map<string, SampleState | null>([
  ['s-A1', sample('s-A1')],
  ['s-A2', sample('s-A2')],
  ['s-B1', sample('s-B1', '917')],
  ['s-S1', sample('s-S1', '916', 'shipped')],
]);
const command = (sampleIds: string[]) => ({
  shipmentId: 'sh-1',
  fromDistrictCode: '916',
  labId: 'cdc-can-tho',
  sampleIds,
  dispatchedBy: 'ttyt-ninh-kieu',
  dispatchedAt: new Date('2021-11-07T10:00:00+07:00'),
});

describe('shipments', () => {
  it('puts collected samples of the district in the manifest, with their barcodes', () => {
    const shipment = decideDispatch(command(['s-A1', 's-A2']), samples);
    expect(shipment.status).toBe('in_transit');
    expect(shipment.dispatch.manifest).toEqual([
      { sampleId: 's-A1', barcode: 'A1' },
      { sampleId: 's-A2', barcode: 'A2' },
    ]);
  });

  it('names every tube that may not go', () => {
    let caught: unknown;
    try {
      decideDispatch(command(['s-A1', 's-A1', 's-X9', 's-B1', 's-S1']), samples);
    } catch (error) {
      caught = error;
    }
    expect((caught as DomainError).fields.map((f) => `${f.field}: ${f.description}`)).toEqual([
      'sampleIds.1: s-A1 is listed twice',
      'sampleIds.2: s-X9 was never collected',
      'sampleIds.3: s-B1 was collected in district 917',
      'sampleIds.4: s-S1 is already shipped',
    ]);
  });

  it('is overdue once in transit longer than the rule set allows (24 h)', () => {
    const rules = defaultRuleBook().inForceOn('2021-11-07');
    const shipment = decideDispatch(command(['s-A1']), samples);
    expect(isOverdue(shipment, rules, new Date('2021-11-08T09:59:00+07:00'))).toBe(false);
    expect(isOverdue(shipment, rules, new Date('2021-11-08T10:01:00+07:00'))).toBe(true);
    expect(isOverdue({ ...shipment, status: 'received' }, rules, new Date('2021-11-09T00:00:00+07:00'))).toBe(
      false,
    );
  });
});
