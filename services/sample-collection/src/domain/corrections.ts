/**
 * Correcting a person's details and merging two registrations found to be one person. Both leave
 * an audit entry (who, when, why, what was there before). Pure: the use cases load and save.
 */
import { DomainError } from '@truyvet/errors';
import { foldName, identityKeys, type Identity } from './identity';
import type { PersonDetails, PersonState } from './registration';

export interface CorrectPerson {
  personId: string;
  /** The version the corrector saw: a correction of an out-of-date view is refused. */
  expectedVersion: number;
  details: PersonDetails;
  reason: string;
  correctedBy: string;
}

export type Correction =
  { outcome: 'unchanged' } | { outcome: 'corrected'; state: PersonState; changedFields: string[] };

const comparedFields = [
  'fullName',
  'birthYear',
  'birthDate',
  'sex',
  'nationalId',
  'phone',
  'address',
  'householdId',
  'vaccinations',
  'comorbidities',
  'occupation',
] as const satisfies ReadonlyArray<keyof PersonDetails>;

/** The top-level detail fields whose values differ (compared as JSON, so order inside counts). */
export function changedFields(before: PersonDetails, after: PersonDetails): string[] {
  return comparedFields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/**
 * Decides a correction. `others` are the other live persons sharing an identifying detail with the
 * corrected details: if the correction would make this person certainly one of them (same national
 * ID; same name, birth year and phone), it is refused: that is a merge, to be done as one.
 * Re-sending a correction already applied answers `unchanged`, whatever the version.
 */
export function decideCorrection(
  current: { version: number; state: PersonState },
  command: CorrectPerson,
  others: readonly Identity[],
  now: Date,
): Correction {
  if (current.state.mergedInto) {
    throw new DomainError(
      'PERSON_MERGED',
      'conflict',
      `${command.personId} was merged into ${current.state.mergedInto}: correct that person`,
      { fields: [{ field: 'personId', description: `merged into ${current.state.mergedInto}` }] },
    );
  }
  const changed = changedFields(current.state.details, command.details);
  if (changed.length === 0) return { outcome: 'unchanged' };
  if (current.version !== command.expectedVersion) {
    throw new DomainError(
      'PERSON_CHANGED_SINCE_READ',
      'conflict',
      `${command.personId} is at version ${current.version}, the correction was made on version ${command.expectedVersion}`,
      {
        fields: [
          {
            field: 'expectedVersion',
            description: `the person is now at version ${current.version}: reload`,
          },
        ],
      },
    );
  }
  const keys = new Set(identityKeys(command.details));
  const clash = others.find(
    (o) => o.personId !== command.personId && !o.mergedInto && identityKeys(o).some((k) => keys.has(k)),
  );
  if (clash) {
    const field =
      clash.nationalId && clash.nationalId === command.details.nationalId ? 'nationalId' : 'phone';
    throw new DomainError(
      'SAME_AS_ANOTHER_PERSON',
      'conflict',
      `with these details ${command.personId} is ${clash.personId}: merge the two instead`,
      { fields: [{ field: `details.${field}`, description: `makes this person ${clash.personId}` }] },
    );
  }
  const previous = Object.fromEntries(
    changed.map((field) => [field, current.state.details[field as keyof PersonDetails]]),
  ) as Partial<PersonDetails>;
  return {
    outcome: 'corrected',
    changedFields: changed,
    state: {
      ...current.state,
      details: command.details,
      foldedName: foldName(command.details.fullName),
      audit: [
        ...current.state.audit,
        {
          at: now.toISOString(),
          by: command.correctedBy,
          action: 'corrected',
          reason: command.reason,
          changedFields: changed,
          previous,
        },
      ],
    },
  };
}

export interface MergePersons {
  survivorId: string;
  mergedId: string;
  reason: string;
  mergedBy: string;
}

export type Merge = { outcome: 'already_merged' } | { outcome: 'merged'; mergedState: PersonState };

/**
 * Decides a merge: `merged` becomes a pointer to `survivor`, which keeps its details (correct it
 * afterwards to take over anything only the merged registration knew). Two different national IDs
 * are two people and are never merged; a survivor must itself be live.
 */
export function decideMerge(
  survivor: { id: string; state: PersonState },
  merged: { id: string; state: PersonState },
  command: MergePersons,
  now: Date,
): Merge {
  const refuse = (field: string, description: string): never => {
    throw new DomainError('MERGE_REFUSED', 'conflict', `cannot merge: ${description}`, {
      fields: [{ field, description }],
    });
  };
  if (survivor.id === merged.id) refuse('mergedId', 'a person cannot be merged into themselves');
  if (merged.state.mergedInto === survivor.id) return { outcome: 'already_merged' };
  if (merged.state.mergedInto)
    refuse('mergedId', `${merged.id} was already merged into ${merged.state.mergedInto}`);
  if (survivor.state.mergedInto) {
    refuse(
      'survivorId',
      `${survivor.id} was merged into ${survivor.state.mergedInto}: merge into that person`,
    );
  }
  const a = survivor.state.details.nationalId;
  const b = merged.state.details.nationalId;
  if (a && b && a !== b) refuse('mergedId', `different national IDs (${a}, ${b}) are different people`);
  return {
    outcome: 'merged',
    mergedState: {
      ...merged.state,
      mergedInto: survivor.id,
      audit: [
        ...merged.state.audit,
        {
          at: now.toISOString(),
          by: command.mergedBy,
          action: 'merged_into',
          reason: command.reason,
          survivorId: survivor.id,
        },
      ],
    },
  };
}
