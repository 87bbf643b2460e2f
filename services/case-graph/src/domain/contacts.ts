/**
 * Decisions on the graph: exposures heard from the people a person met, contacts a tracer names
 * or the household gives, identifications the registry answers. Pure.
 */
import { DomainError, type FieldViolation } from '@truyvet/errors';
import { contactsTraceable } from './classification';
import type {
  Classification,
  Contact,
  ContactSource,
  ContactType,
  Decision,
  DecidedEvent,
  PersonDetails,
  TracingRecord,
} from './types';
import { decided, DecisionContext, settle, today, unchanged } from './decision';

/** What a contact's record hears of the person who named them: the edge and their classification. */
export interface ExposureUpdate {
  contact: Contact;
  sourcePersonId: string;
  source: Classification;
  sourceVersion: number;
}

/** Exposures heard from sources; an older version of a source than the one held is ignored. */
export function decideExposures(
  record: TracingRecord,
  updates: readonly ExposureUpdate[],
  ctx: DecisionContext,
): Decision {
  const draft = structuredClone(record);
  let changed = false;
  for (const update of updates) {
    if (update.contact.contactPersonId !== record.personId) continue;
    const held = draft.exposures.find((e) => e.contactId === update.contact.contactId);
    if (held && held.sourceVersion >= update.sourceVersion) continue;
    const exposure = {
      contactId: update.contact.contactId,
      sourcePersonId: update.sourcePersonId,
      contactType: update.contact.contactType,
      lastExposureOn: update.contact.lastExposureOn,
      via: update.contact.via,
      source: update.source,
      sourceVersion: update.sourceVersion,
    };
    if (held) Object.assign(held, exposure);
    else draft.exposures.push(exposure);
    changed = true;
  }
  if (!changed) return unchanged(record);
  const reason = record.exposures.length === draft.exposures.length ? 'source_changed' : 'exposure';
  return decided(draft, settle(record, draft, ctx, reason, 'withdrawn'));
}

export interface ContactInput {
  contactPersonId?: string | undefined;
  details?: PersonDetails | undefined;
  contactType: ContactType;
  lastExposureOn: string;
}

export interface ContactOutcome {
  index: number;
  status: 'recorded' | 'unchanged' | 'awaiting_identification' | 'rejected';
  contactId?: string;
  contactRef?: string;
  fields?: FieldViolation[];
}

function notTraceable(record: TracingRecord, maxDepth: number): DomainError {
  const level = record.classification.level;
  const what =
    level === null ? 'not an F0 or a traced contact' : `an F${level} (contacts are traced to F${maxDepth})`;
  return new DomainError(
    'NOT_TRACEABLE',
    'conflict',
    `person ${record.personId} is ${what}: their contacts cannot be recorded`,
    { fields: [{ field: 'personId', description: `is ${what}` }] },
  );
}

/**
 * Contacts a tracer names (or the household list gives) for this person, each checked on its own:
 * not the person themselves, not in the future, within the window in which this person counts.
 * A contact named by registry id is recorded; one named by details waits for the registry.
 */
export function decideContacts(
  record: TracingRecord,
  inputs: readonly ContactInput[],
  options: { via: ContactSource; recordedBy: string },
  ctx: DecisionContext,
): { decision: Decision; outcomes: ContactOutcome[] } {
  const day = today(ctx);
  const maxDepth = ctx.rules.inForceOn(day).contacts.maxDepth;
  if (!contactsTraceable(record.classification, maxDepth)) throw notTraceable(record, maxDepth);
  const { since, until } = record.classification;
  const draft = structuredClone(record);
  const emits: DecidedEvent[] = [];
  const outcomes = inputs.map((input, index): ContactOutcome => {
    const field = (name: string): string => `contacts.${index}.${name}`;
    const fields: FieldViolation[] = [];
    if (!input.contactPersonId && !input.details)
      fields.push({
        field: `contacts.${index}`,
        description: 'name the contact by personId or by their details',
      });
    if (input.contactPersonId === record.personId)
      fields.push({ field: field('contactPersonId'), description: 'a person is not their own contact' });
    if (input.lastExposureOn > day)
      fields.push({ field: field('lastExposureOn'), description: `is in the future (today is ${day})` });
    else if (since !== null && input.lastExposureOn < since)
      fields.push({
        field: field('lastExposureOn'),
        description: `is before the infectious window, which opens on ${since}`,
      });
    else if (until !== null && input.lastExposureOn > until)
      fields.push({
        field: field('lastExposureOn'),
        description: `is after the infectious window, which closed on ${until} (isolation)`,
      });
    if (fields.length > 0) return { index, status: 'rejected', fields };
    if (input.contactPersonId) {
      const recorded = recordContact(draft, input.contactPersonId, input, options, ctx);
      if (recorded) emits.push(recorded.event);
      return {
        index,
        status: recorded ? 'recorded' : 'unchanged',
        contactId: contactIdOf(record.personId, input.contactPersonId),
      };
    }
    const details = input.details as PersonDetails;
    draft.counters.contactRefs += 1;
    const contactRef = `${record.personId}~c${draft.counters.contactRefs}`;
    draft.pendingContacts.push({
      contactRef,
      details,
      contactType: input.contactType,
      lastExposureOn: input.lastExposureOn,
      via: options.via,
      recordedBy: options.recordedBy,
      requestedAt: ctx.now.toISOString(),
    });
    emits.push({
      type: 'ContactIdentificationRequested',
      data: { contactRef, details, registerDespiteCandidates: false, requestedBy: options.recordedBy },
    });
    return { index, status: 'awaiting_identification', contactRef };
  });
  const decision = emits.length > 0 ? decided(draft, emits) : unchanged(record);
  return { decision, outcomes };
}

export function contactIdOf(sourcePersonId: string, contactPersonId: string): string {
  return `${sourcePersonId}>${contactPersonId}`;
}

/** The person whose contacts a contact reference belongs to (refs are minted per source record). */
export function sourceOfContactRef(contactRef: string): string {
  const at = contactRef.lastIndexOf('~');
  return at > 0 ? contactRef.slice(0, at) : contactRef;
}

function recordContact(
  draft: TracingRecord,
  contactPersonId: string,
  input: Pick<ContactInput, 'contactType' | 'lastExposureOn'>,
  options: { via: ContactSource; recordedBy: string },
  ctx: DecisionContext,
): { event: DecidedEvent } | undefined {
  const contactId = contactIdOf(draft.personId, contactPersonId);
  const held = draft.contacts.find((c) => c.contactId === contactId);
  if (held && held.lastExposureOn >= input.lastExposureOn && held.contactType === input.contactType)
    return undefined;
  const contact: Contact = {
    contactId,
    contactPersonId,
    contactType: input.contactType,
    lastExposureOn:
      held && held.lastExposureOn > input.lastExposureOn ? held.lastExposureOn : input.lastExposureOn,
    via: options.via,
    recordedBy: options.recordedBy,
    recordedAt: ctx.now.toISOString(),
  };
  if (held) Object.assign(held, contact);
  else draft.contacts.push(contact);
  return {
    event: {
      type: 'ContactRecorded',
      data: {
        contactId,
        sourcePersonId: draft.personId,
        contactPersonId,
        contactType: contact.contactType,
        lastExposureOn: contact.lastExposureOn,
        via: contact.via,
        recordedBy: contact.recordedBy,
      },
    },
  };
}

/** The registry said who a contact named by details is: the contact is recorded on them. */
export function decideIdentified(
  record: TracingRecord,
  contactRef: string,
  personId: string,
  ctx: DecisionContext,
): Decision {
  const pending = record.pendingContacts.find((p) => p.contactRef === contactRef);
  if (!pending) return unchanged(record);
  const draft = structuredClone(record);
  draft.pendingContacts = draft.pendingContacts.filter((p) => p.contactRef !== contactRef);
  if (personId === record.personId) return decided(draft, []);
  const recorded = recordContact(draft, personId, pending, pending, ctx);
  return decided(draft, recorded ? [recorded.event] : []);
}

/** The registry found only probable matches: they wait on the contact for a tracer to choose. */
export function decideAmbiguous(
  record: TracingRecord,
  contactRef: string,
  candidates: Array<{ personId: string; reasons: string[] }>,
): Decision {
  const pending = record.pendingContacts.find((p) => p.contactRef === contactRef);
  if (!pending || pending.candidates) return unchanged(record);
  const draft = structuredClone(record);
  const held = draft.pendingContacts.find((p) => p.contactRef === contactRef);
  if (held) held.candidates = candidates;
  return decided(draft, []);
}

/** A tracer looked at the candidates and says the contact is a new person: ask the registry again. */
export function decideNewPersonConfirmed(record: TracingRecord, contactRef: string, by: string): Decision {
  const pending = record.pendingContacts.find((p) => p.contactRef === contactRef);
  if (!pending) {
    throw new DomainError(
      'NO_PENDING_CONTACT',
      'not_found',
      `no contact ${contactRef} awaits identification`,
      {
        fields: [{ field: 'contactRef', description: 'awaits no identification' }],
      },
    );
  }
  const draft = structuredClone(record);
  const held = draft.pendingContacts.find((p) => p.contactRef === contactRef);
  if (held) delete held.candidates;
  return decided(draft, [
    {
      type: 'ContactIdentificationRequested',
      data: { contactRef, details: pending.details, registerDespiteCandidates: true, requestedBy: by },
    },
  ]);
}
