import { z } from 'zod';
import { defineEvent } from '../envelope';
import { topics } from '../topics';

export const testOrderReason = z.enum([
  'f1_follow_up',
  'pool_member_retest',
  'inconclusive_retest',
  'sample_rejected_resample',
  'f0_release_test',
]);

/** Published by case-graph (F1 schedules) and lab-results (pool re-tests); districts work them. */
export const TestOrderedV1 = defineEvent({
  type: 'TestOrdered',
  version: 1,
  topic: topics.testOrders.topic,
  description:
    'A person must be sampled by a date: a follow-up test of an F1, or the re-test of a positive pool member.',
  schema: z.object({
    orderId: z.string().min(1),
    personId: z.string().min(1),
    reason: testOrderReason,
    dueBy: z.iso.datetime({ offset: true }),
    /** What caused it, for the tracer reading the worklist: a case id, a pool sample id. */
    cause: z.string().min(1).optional(),
  }),
  key: (data) => data.personId,
});

export const TestOrderCancelledV1 = defineEvent({
  type: 'TestOrderCancelled',
  version: 1,
  topic: topics.testOrders.topic,
  description: 'An order no longer needed: the person was released, or is already F0.',
  schema: z.object({ orderId: z.string().min(1), personId: z.string().min(1), reason: z.string().min(1) }),
  key: (data) => data.personId,
});

export const TestOrderFulfilledV1 = defineEvent({
  type: 'TestOrderFulfilled',
  version: 1,
  topic: topics.testOrders.topic,
  description: 'A sample for the ordered person was collected.',
  schema: z.object({ orderId: z.string().min(1), personId: z.string().min(1), sampleId: z.string().min(1) }),
  key: (data) => data.personId,
});
