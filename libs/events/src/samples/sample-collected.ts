import { z } from 'zod';
import { districtCode, wardCode } from '../admin-units';
import { defineEvent } from '../envelope';
import { samplingReason, specimenType } from '@truyvet/vocabulary';
import { topics } from '../topics';

// The vocabulary's lists, also reachable where the events are.
export { samplingReason, specimenType };

/**
 * The one id of a tube everywhere: its barcode, in capitals. sample-collection names tubes so, and
 * the lab finds a tube from the barcode it scans or reads off a plate by the same rule.
 */
export function sampleIdOfBarcode(barcode: string): string {
  return `s-${barcode.trim().toUpperCase()}`;
}

export const SampleCollectedV1 = defineEvent({
  type: 'SampleCollected',
  version: 1,
  topic: topics.samples.topic,
  description: 'A district team took a swab (one person) or a pooled tube (2-20 people) with a barcode.',
  schema: z
    .object({
      sampleId: z.string().min(1),
      barcode: z.string().min(4).max(64),
      pooled: z.boolean(),
      personIds: z.array(z.string().min(1)).min(1).max(20),
      collectedAt: z.iso.datetime({ offset: true }),
      site: z.object({ districtCode, wardCode: wardCode.optional(), name: z.string().max(200).optional() }),
      teamId: z.string().min(1).optional(),
      reason: samplingReason,
      specimenType,
    })
    .refine((s) => s.pooled === s.personIds.length > 1, {
      message: 'a pooled sample lists 2 or more people, an individual sample exactly one',
      path: ['personIds'],
    })
    .refine((s) => new Set(s.personIds).size === s.personIds.length, {
      message: 'a person is listed twice in the same tube',
      path: ['personIds'],
    }),
  key: (data) => data.sampleId,
});
