import { z } from 'zod';
import { districtCode, wardCode } from '../admin-units';
import { defineEvent } from '../envelope';
import { testMethod } from '../lab/lab-events';
import { personDetails } from '../persons/person-events';
import { contactType, severity } from '@truyvet/vocabulary';
import { topics } from '../topics';

// The vocabulary's lists, also reachable where the events are.
export { contactType, severity };

/** How the contact reached the graph: a tracer's interview, the registry's household, a bulk import. */
export const contactSource = z.enum(['tracer', 'household', 'import', 'venue_check_in', 'proximity_log']);

/** F-level: 0 is F0 (a confirmed case), 1 a close contact of an F0, 2 of an F1, and so on. */
export const fLevel = z.number().int().min(0).max(9);

/** Where a case was found: the daily report separates community cases from those already isolated. */
export const caseFoundIn = z.enum(['community', 'quarantine']);

const day = z.iso.date();
const time = z.iso.datetime({ offset: true });

export const CaseConfirmedV1 = defineEvent({
  type: 'CaseConfirmed',
  version: 1,
  topic: topics.cases.topic,
  description:
    'A person became an F0 (one per person and episode), from a definitive positive result; says whether they were ' +
    'found in the community or already in quarantine, and the infectious window their contacts are judged by.',
  schema: z.object({
    caseId: z.string().min(1),
    personId: z.string().min(1),
    episode: z.number().int().positive(),
    resultId: z.string().min(1),
    sampleId: z.string().min(1),
    method: testMethod,
    collectedAt: time,
    resultedAt: time,
    confirmedAt: time,
    foundIn: caseFoundIn,
    /** First day contacts count: 2 days before symptom onset, or before the positive sample. */
    infectiousFrom: day,
    /** Last day contacts count: the day the person was isolated. */
    infectiousUntil: day,
    districtCode,
    wardCode: wardCode.optional(),
    /** The F0 or F1 they were a contact of when confirmed, and the root case of that chain. */
    likelySourcePersonId: z.string().min(1).optional(),
    clusterId: z.string().min(1),
  }),
  key: (data) => data.personId,
});

export const CaseUpdatedV1 = defineEvent({
  type: 'CaseUpdated',
  version: 1,
  topic: topics.cases.topic,
  description:
    "A tracer's or clinician's update of a case from the interview: symptom onset (moves the infectious window), severity.",
  schema: z.object({
    caseId: z.string().min(1),
    personId: z.string().min(1),
    infectiousFrom: day,
    infectiousUntil: day,
    symptomOnset: day.optional(),
    severity: severity.optional(),
    changedFields: z.array(z.string().min(1)).min(1),
    updatedBy: z.string().min(1),
  }),
  key: (data) => data.personId,
});

export const CaseRevertedV1 = defineEvent({
  type: 'CaseReverted',
  version: 1,
  topic: topics.cases.topic,
  description:
    'A case no longer stands: the positive result it came from was amended. What it caused is undone by the ' +
    'PersonClassified, IsolationEnded and TestOrderCancelled events that follow.',
  schema: z.object({
    caseId: z.string().min(1),
    personId: z.string().min(1),
    amendmentResultId: z.string().min(1),
    reason: z.string().min(1).max(500),
  }),
  key: (data) => data.personId,
});

export const CaseRecoveredV1 = defineEvent({
  type: 'CaseRecovered',
  version: 1,
  topic: topics.cases.topic,
  description:
    'A treatment facility (or the home-care team) released an F0 as recovered, under the rule set in force.',
  schema: z.object({
    caseId: z.string().min(1),
    personId: z.string().min(1),
    recoveredOn: day,
    basis: z.enum(['negative_test', 'ct_threshold', 'days_without_symptoms']),
    ruleSetId: z.string().min(1),
    recordedBy: z.string().min(1),
  }),
  key: (data) => data.personId,
});

export const CaseDiedV1 = defineEvent({
  type: 'CaseDied',
  version: 1,
  topic: topics.cases.topic,
  description: 'An F0 died; recorded by the treatment facility.',
  schema: z.object({
    caseId: z.string().min(1),
    personId: z.string().min(1),
    diedOn: day,
    recordedBy: z.string().min(1),
  }),
  key: (data) => data.personId,
});

export const ContactRecordedV1 = defineEvent({
  type: 'ContactRecorded',
  version: 1,
  topic: topics.cases.topic,
  description:
    'A close contact of a person (an F0, or an F1 whose own contacts are traced), with the last exposure. ' +
    'Keyed by the source person, so it stays in order with their classification.',
  schema: z.object({
    contactId: z.string().min(1),
    sourcePersonId: z.string().min(1),
    contactPersonId: z.string().min(1),
    contactType,
    lastExposureOn: day,
    via: contactSource,
    recordedBy: z.string().min(1),
  }),
  key: (data) => data.sourcePersonId,
});

export const PersonClassifiedV1 = defineEvent({
  type: 'PersonClassified',
  version: 1,
  topic: topics.cases.topic,
  description:
    "A person's F-level changed: 0 when they became an F0, 1 or more as a contact, null when no longer classified " +
    '(the case they were traced from was reverted, or a shorter chain no longer reaches them).',
  schema: z.object({
    personId: z.string().min(1),
    level: fLevel.nullable(),
    previousLevel: fLevel.nullable(),
    /** The F0 at the root of the chain and the persons from it to this one (root first). */
    rootCaseId: z.string().min(1).nullable(),
    /** The first case of the chain of cases this one belongs to (who infected whom, as far as known). */
    clusterId: z.string().min(1).nullable(),
    path: z.array(z.string().min(1)),
    /** The contact they are classified through, and its last exposure day. */
    sourcePersonId: z.string().min(1).nullable(),
    lastExposureOn: day.nullable(),
    reason: z.enum(['case_confirmed', 'case_reverted', 'case_closed', 'exposure', 'source_changed']),
    /** The record version this classification is of: consumers keep the newest. */
    recordVersion: z.number().int().positive(),
  }),
  key: (data) => data.personId,
});

export const ContactIdentificationRequestedV1 = defineEvent({
  type: 'ContactIdentificationRequested',
  version: 1,
  topic: topics.cases.topic,
  description:
    'A tracer named a contact by their details, not a registry id: the registry finds or registers them (ADR 7) ' +
    'and answers with PersonIdentified, or with ContactIdentificationAmbiguous when only probable matches exist.',
  schema: z.object({
    contactRef: z.string().min(1),
    details: personDetails,
    /** A tracer looked at the candidates and says this is a new person. */
    registerDespiteCandidates: z.boolean(),
    requestedBy: z.string().min(1),
  }),
  key: (data) => data.contactRef,
});

export const PersonIdentifiedV1 = defineEvent({
  type: 'PersonIdentified',
  version: 1,
  topic: topics.persons.topic,
  description: "The registry's answer to ContactIdentificationRequested: the person the contact is.",
  schema: z.object({
    contactRef: z.string().min(1),
    personId: z.string().min(1),
    how: z.enum(['existing', 'registered']),
  }),
  key: (data) => data.personId,
});

export const ContactIdentificationAmbiguousV1 = defineEvent({
  type: 'ContactIdentificationAmbiguous',
  version: 1,
  topic: topics.persons.topic,
  description:
    'The registry found only probable matches for a named contact: a tracer must choose one or confirm a new person.',
  schema: z.object({
    contactRef: z.string().min(1),
    candidates: z
      .array(z.object({ personId: z.string().min(1), reasons: z.array(z.string().min(1)) }))
      .min(1),
  }),
  key: (data) => data.contactRef,
});
