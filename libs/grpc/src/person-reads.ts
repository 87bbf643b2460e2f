/**
 * Who saw whose data: every answer that names a person is recorded before it leaves (see
 * protos/truyvet/audit/v1/audit.proto). The server finds the people an answer names by their
 * fields' names, which the protos keep uniform (`person_id`, `person_ids`, `source_person_id`,
 * `person_a`...), so a new method is audited without anyone remembering to say so.
 */
import { DomainError } from '@truyvet/errors';
import type { Caller } from './auth';
import { bounded } from './status';

/** One call that showed or changed people's data. */
export interface PersonRead {
  at: Date;
  /** Full method path, e.g. `/truyvet.cases.v1.Cases/GetChain`. */
  method: string;
  /** A read shows data; a change (any method but Get/List/Find/Export) also wrote it. */
  kind: AccessKind;
  /** How the call ended: `OK`, or the status it failed with (a change may have been partly made). */
  outcome?: string | undefined;
  /** Who, with the client their token was issued for (`caller.client`: the console, a tool). */
  caller: Caller;
  correlationId: string;
  /** Why, in the caller's words, when it said (`x-truyvet-reason`). */
  reason?: string | undefined;
  /** Every person the answer named, or a change's request named, each once. */
  personIds: readonly string[];
}

export type AccessKind = 'read' | 'change';

/** Methods that only show data; every other method changes some. */
const READ_METHOD = /\/(Get|List|Find|Export)[A-Z][A-Za-z]*$/;

export function accessKindOf(method: string): AccessKind {
  return READ_METHOD.test(method) ? 'read' : 'change';
}

/**
 * Request metadata in which a caller may say why it reads or changes someone's data: UTF-8 bytes
 * in `x-truyvet-reason-bin`, or percent-encoded UTF-8 in `x-truyvet-reason` (gRPC text metadata is
 * ASCII only).
 */
export const REASON_KEY = 'x-truyvet-reason';
export const REASON_BIN_KEY = 'x-truyvet-reason-bin';
const REASON_MAX = 300;

/** The reason a call's metadata gives, if any (see `REASON_KEY`). */
export function reasonOf(metadata: { get(key: string): Array<string | Buffer> }): string | undefined {
  const bytes = metadata.get(REASON_BIN_KEY)[0];
  if (Buffer.isBuffer(bytes)) return reasonGiven(bytes.toString('utf8'));
  const text = metadata.get(REASON_KEY)[0];
  if (typeof text !== 'string') return undefined;
  try {
    return reasonGiven(decodeURIComponent(text));
  } catch {
    return reasonGiven(text); // not percent-encoded after all: taken as it came
  }
}

/** The reason a caller gave, as one line of at most 300 characters (control characters as spaces). */
export function reasonGiven(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const line = value
    // eslint-disable-next-line no-control-regex -- control characters are what is replaced
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line === '' ? undefined : bounded(line, REASON_MAX);
}

/** Where a service keeps the reads of its answers. */
export interface PersonReadTrail {
  /** Resolves once the read is durably recorded; the answer waits for it. */
  record(read: PersonRead): Promise<void>;
  /** The reads that named `personId`, newest first. */
  readsOf(personId: string, options: { since?: Date; limit: number }): Promise<PersonRead[]>;
}

/** A field that holds person ids: `personId`, `personIds`, `personA`, `sourcePersonId`, `chosenPersonId`... */
const PERSON_FIELD = /^(person(Id|Ids|A|B)|[a-z][a-zA-Z]*PersonIds?)$/;
/** Fields that hold a person id under another name (person-reads.test.ts reads every proto for them). */
export const OTHER_PERSON_FIELDS: ReadonlySet<string> = new Set([
  'infectedBy',
  'contactId',
  'mergedInto',
  'mergedId',
  'survivorId',
  // A person's record in the contact graph: the person ids from its F0 down to it.
  'path',
]);

/** Whether a (camelCase) field holds person ids. */
export function isPersonField(name: string): boolean {
  return PERSON_FIELD.test(name) || OTHER_PERSON_FIELDS.has(name);
}

/** The person ids an answer names, each once, in the order met. */
export function peopleNamedIn(answer: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, personField: boolean): void => {
    if (typeof value === 'string') {
      if (personField && value !== '') found.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, personField);
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, field] of Object.entries(value)) visit(field, isPersonField(key));
    }
  };
  visit(answer, false);
  return [...found];
}

/** Person ids (`p-` and 8 or more hex digits) in an error's words, each once. */
export function peopleNamedInText(text: string): string[] {
  return [...new Set(text.match(/\bp-[0-9a-f]{8,}\b/g) ?? [])];
}

/** The answer is not shown when its read cannot be recorded: fail closed. */
export function readNotRecorded(error: unknown): DomainError {
  return new DomainError(
    'READ_NOT_RECORDED',
    'unavailable',
    'the answer names people and its read could not be recorded in the audit trail, so it is not shown; try again',
    { cause: error, retryable: true },
  );
}

/** The trail of the embedded mode and of tests: in memory. */
export class InMemoryPersonReadTrail implements PersonReadTrail {
  readonly reads: PersonRead[] = [];

  record(read: PersonRead): Promise<void> {
    this.reads.push(read);
    return Promise.resolve();
  }

  readsOf(personId: string, options: { since?: Date; limit: number }): Promise<PersonRead[]> {
    const since = options.since?.getTime() ?? -Infinity;
    return Promise.resolve(
      this.reads
        .filter((r) => r.personIds.includes(personId) && r.at.getTime() >= since)
        .reverse()
        .slice(0, options.limit),
    );
  }
}
