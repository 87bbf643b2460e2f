import { z } from 'zod';
import { districtCode, wardCode } from '../admin-units';
import { defineEvent } from '../envelope';
import { isolationKind, treatmentTier } from '@truyvet/vocabulary';
import { topics } from '../topics';

// The vocabulary's lists, also reachable where the events are.
export { isolationKind, treatmentTier };

/** Why the order exists: the person is an F0, an Fn contact, or arrived from an epidemic area. */
export const isolationReason = z.enum(['f0', 'contact', 'arrival']);

const day = z.iso.date();

export const IsolationOrderedV1 = defineEvent({
  type: 'IsolationOrdered',
  version: 1,
  topic: topics.isolation.topic,
  description:
    'A person must isolate: the kind, from when to when (counted from the last exposure for contacts), under which rule set. ' +
    'Centralized quarantine gets its bed in IsolationPlaced (or waits: IsolationWaitlisted).',
  schema: z.object({
    orderId: z.string().min(1),
    personId: z.string().min(1),
    kind: isolationKind,
    reason: isolationReason,
    level: z.number().int().min(0).max(9).optional(),
    tier: treatmentTier.optional(),
    startsOn: day,
    /** Absent for treatment: it ends with recovery. */
    endsOn: day.optional(),
    /** After centralized quarantine, this many days of monitoring at home (2020 practice: 14). */
    homeMonitoringDays: z.number().int().min(0).optional(),
    ruleSetId: z.string().min(1),
    caseId: z.string().min(1).optional(),
    districtCode: districtCode.optional(),
    wardCode: wardCode.optional(),
  }),
  key: (data) => data.personId,
});

export const IsolationPlacedV1 = defineEvent({
  type: 'IsolationPlaced',
  version: 1,
  topic: topics.isolation.topic,
  description:
    'A bed in a facility for a centralized quarantine or facility treatment order (never over capacity).',
  schema: z.object({
    orderId: z.string().min(1),
    personId: z.string().min(1),
    facilityId: z.string().min(1),
    facilityName: z.string().min(1),
    facilityDistrictCode: districtCode,
  }),
  key: (data) => data.personId,
});

export const IsolationWaitlistedV1 = defineEvent({
  type: 'IsolationWaitlisted',
  version: 1,
  topic: topics.isolation.topic,
  description: 'No facility had a free bed: the order waits, visibly, and is placed when a bed frees up.',
  schema: z.object({
    orderId: z.string().min(1),
    personId: z.string().min(1),
    districtCode: districtCode.optional(),
  }),
  key: (data) => data.personId,
});

export const IsolationEndedV1 = defineEvent({
  type: 'IsolationEnded',
  version: 1,
  topic: topics.isolation.topic,
  description:
    'An isolation order ended: released (the period is over and the last test negative), recovered, died, ' +
    'superseded by another order, or withdrawn because the case it came from was reverted.',
  schema: z.object({
    orderId: z.string().min(1),
    personId: z.string().min(1),
    kind: isolationKind,
    endedOn: day,
    reason: z.enum(['released', 'recovered', 'died', 'superseded', 'withdrawn']),
    facilityId: z.string().min(1).optional(),
  }),
  key: (data) => data.personId,
});
