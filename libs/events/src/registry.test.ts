import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import {
  causedBy,
  createEvent,
  defineEvent,
  EventRegistry,
  isEvent,
  SampleCollectedV1,
  topics,
} from './index';

const collected = {
  sampleId: 'smp-1',
  barcode: 'CT916-000123',
  pooled: true,
  personIds: ['p-1', 'p-2', 'p-3'],
  collectedAt: '2021-11-07T08:30:00+07:00',
  site: { districtCode: '916', wardCode: '31117', name: 'Điểm xét nghiệm chợ Cái Khế' },
  reason: 'mass_testing' as const,
  specimenType: 'oropharyngeal' as const,
};

const SampleCollectedV2 = defineEvent({
  type: 'SampleCollected',
  version: 2,
  topic: topics.samples.topic,
  description: 'test-only v2',
  schema: z.object({ sampleId: z.string(), tube: z.string() }),
  key: (d) => d.sampleId,
});

describe('events', () => {
  const registry = new EventRegistry([SampleCollectedV1]);

  it('creates an envelope keyed by sample id, correlated to itself when it starts a chain', () => {
    const event = createEvent(SampleCollectedV1, collected);
    expect(event).toMatchObject({ type: 'SampleCollected', version: 1, key: 'smp-1', causationId: null });
    expect(event.correlationId).toBe(event.id);
    expect(event.data).toEqual(collected);
  });

  it('carries correlation and causation from the event that caused it', () => {
    const parent = createEvent(SampleCollectedV1, collected, { correlationId: 'req-7' });
    const child = createEvent(SampleCollectedV1, { ...collected, sampleId: 'smp-2' }, causedBy(parent));
    expect(child.correlationId).toBe('req-7');
    expect(child.causationId).toBe(parent.id);
  });

  it('refuses to create an event with invalid data', () => {
    expect(() => createEvent(SampleCollectedV1, { ...collected, pooled: false })).toThrow(
      /individual sample exactly one/,
    );
  });

  it('parses raw JSON back into the typed event', () => {
    const event = createEvent(SampleCollectedV1, collected);
    const result = registry.parse(Buffer.from(JSON.stringify(event)));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(isEvent(result.event, SampleCollectedV1)).toBe(true);
      expect(result.event.data.personIds).toEqual(['p-1', 'p-2', 'p-3']);
    }
  });

  it.each([
    ['not json', '{oops', 'MALFORMED_JSON'],
    ['no envelope', JSON.stringify({ hello: 1 }), 'BAD_ENVELOPE'],
    [
      'unknown type',
      JSON.stringify({ ...createEvent(SampleCollectedV1, collected), type: 'SampleEaten' }),
      'UNKNOWN_TYPE',
    ],
    [
      'newer version',
      JSON.stringify(createEvent(SampleCollectedV2, { sampleId: 's', tube: 't' })),
      'UNSUPPORTED_VERSION',
    ],
  ])('says why it cannot parse: %s', (_name, raw, code) => {
    const result = registry.parse(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.reason.length).toBeGreaterThan(5);
    }
  });

  it('names every offending data field', () => {
    const event = createEvent(SampleCollectedV1, collected);
    const bad = { ...event, data: { ...event.data, barcode: 'x', site: { districtCode: '9' } } };
    const result = registry.parse(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_DATA');
      expect(result.error.fields.map((f) => f.field).sort()).toEqual([
        'data.barcode',
        'data.site.districtCode',
      ]);
      expect(result.error.envelope?.id).toBe(event.id);
    }
  });

  it('accepts several versions of one type side by side', () => {
    const both = new EventRegistry([SampleCollectedV1, SampleCollectedV2]);
    const v2 = both.parse(JSON.stringify(createEvent(SampleCollectedV2, { sampleId: 's', tube: 't' })));
    expect(v2.ok && isEvent(v2.event, SampleCollectedV2)).toBe(true);
    expect(() => new EventRegistry([SampleCollectedV1, SampleCollectedV1])).toThrow(/defined twice/);
  });
});
