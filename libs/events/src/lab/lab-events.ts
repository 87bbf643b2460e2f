import { z } from 'zod';
import { districtCode, wardCode } from '../admin-units';
import { defineEvent } from '../envelope';
import { samplingReason } from '../samples/sample-collected';
import { topics } from '../topics';

export const testMethod = z.enum(['rt_pcr', 'rapid_antigen']);

/** What a test said about a tube. `rejected`: the sample could not be tested (re-sample). */
export const testOutcome = z.enum(['positive', 'negative', 'inconclusive', 'rejected']);

/** Ct value per target gene (RT-PCR); a target not detected is left out. */
export const ctValues = z.record(z.string().min(1).max(20), z.number().min(0).max(50));

const resultFacts = {
  resultId: z.string().min(1),
  sampleId: z.string().min(1),
  barcode: z.string().min(1),
  method: testMethod,
  outcome: testOutcome,
  ctValues: ctValues.optional(),
  kitId: z.string().min(1).optional(),
  /** The rule set that read the Ct values (interpretation is data). */
  ruleSetId: z.string().min(1),
  runId: z.string().min(1).optional(),
  instrument: z.string().min(1).optional(),
  labId: z.string().min(1),
  recordedBy: z.string().min(1),
  collectedAt: z.iso.datetime({ offset: true }),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  resultedAt: z.iso.datetime({ offset: true }),
  samplingReason,
  siteDistrictCode: districtCode,
  siteWardCode: wardCode.optional(),
};

export const PersonTestResultedV1 = defineEvent({
  type: 'PersonTestResulted',
  version: 1,
  topic: topics.labResults.topic,
  description:
    "A person's own result: their individual sample, or a negative pool they were in (a definitive negative). " +
    'A positive pool is not one: its members get re-test orders instead.',
  schema: z.object({ ...resultFacts, personId: z.string().min(1), pooled: z.boolean() }),
  key: (data) => data.personId,
});

export const PoolResultedV1 = defineEvent({
  type: 'PoolResulted',
  version: 1,
  topic: topics.labResults.topic,
  description:
    'The result of a pooled tube. Negative: each member also gets PersonTestResulted. Positive or inconclusive: ' +
    'the members are suspects and each gets a re-test order (TestOrdered, pool_member_retest).',
  schema: z.object({ ...resultFacts, personIds: z.array(z.string().min(1)).min(2) }),
  key: (data) => data.sampleId,
});

export const PersonTestResultAmendedV1 = defineEvent({
  type: 'PersonTestResultAmended',
  version: 1,
  topic: topics.labResults.topic,
  description:
    "A person's result corrected (typo, contamination, re-run): what the old result caused must be undone or redone. " +
    '`withdrawn`: the person has no result from this sample any more (e.g. their negative pool was amended to positive).',
  schema: z.object({
    resultId: z.string().min(1),
    amendsResultId: z.string().min(1),
    personId: z.string().min(1),
    sampleId: z.string().min(1),
    pooled: z.boolean(),
    previousOutcome: testOutcome,
    outcome: z.union([testOutcome, z.literal('withdrawn')]),
    ctValues: ctValues.optional(),
    reason: z.string().min(1).max(500),
    amendedBy: z.string().min(1),
    amendedAt: z.iso.datetime({ offset: true }),
    // The tube's own facts, so that a consumer that kept nothing of the amended result (a negative
    // of someone nobody traced) has what a case needs. Absent on events published before they were
    // carried.
    method: testMethod.optional(),
    collectedAt: z.iso.datetime({ offset: true }).optional(),
    siteDistrictCode: districtCode.optional(),
    siteWardCode: wardCode.optional(),
  }),
  key: (data) => data.personId,
});

export const PoolResultAmendedV1 = defineEvent({
  type: 'PoolResultAmended',
  version: 1,
  topic: topics.labResults.topic,
  description:
    "A pooled tube's result corrected; the members' results and re-test orders follow in their own events.",
  schema: z.object({
    resultId: z.string().min(1),
    amendsResultId: z.string().min(1),
    sampleId: z.string().min(1),
    personIds: z.array(z.string().min(1)).min(2),
    previousOutcome: testOutcome,
    outcome: testOutcome,
    reason: z.string().min(1).max(500),
    amendedBy: z.string().min(1),
    amendedAt: z.iso.datetime({ offset: true }),
  }),
  key: (data) => data.sampleId,
});

export const PoolFlaggedForReviewV1 = defineEvent({
  type: 'PoolFlaggedForReview',
  version: 1,
  topic: topics.labResults.topic,
  description:
    'A positive pool whose members all tested negative individually: a lab error or contamination to look into.',
  schema: z.object({
    sampleId: z.string().min(1),
    poolResultId: z.string().min(1),
    personIds: z.array(z.string().min(1)).min(2),
    memberResultIds: z.array(z.string().min(1)),
  }),
  key: (data) => data.sampleId,
});
