import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { changedFields, decideCorrection, decideMerge, type CorrectPerson } from './corrections';
import { decideRegistration, type PersonDetails, type PersonState } from './registration';

const NOW = new Date('2021-08-25T08:00:00Z');

const details: PersonDetails = {
  fullName: 'Nguyễn Thị Lan',
  birthYear: 1990,
  phone: '0912000001',
  address: { districtCode: '916', wardCode: '31117' },
  householdId: 'hh-1',
  vaccinations: [],
  comorbidities: [],
};

function stateOf(d: PersonDetails, extra: Partial<PersonState> = {}): PersonState {
  return {
    details: d,
    foldedName: 'nguyen thi lan',
    registeredBy: 'ttyt-ninh-kieu',
    audit: [{ at: '2021-08-20T00:00:00.000Z', by: 'ttyt-ninh-kieu', action: 'registered' }],
    ...extra,
  };
}

const correct = (patch: Partial<PersonDetails>, expectedVersion = 1): CorrectPerson => ({
  personId: 'p-lan',
  expectedVersion,
  details: { ...details, ...patch },
  reason: 'ghi nhầm',
  correctedBy: 'ttyt-ninh-kieu',
});

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('correcting a person', () => {
  it('lists the changed fields, comparing nested values', () => {
    expect(changedFields(details, { ...details })).toEqual([]);
    expect(
      changedFields(details, {
        ...details,
        phone: '0912000002',
        address: { ...details.address, hamlet: 'Khu vực 2' },
        vaccinations: [{ dose: 1, date: '2021-08-01' }],
      }),
    ).toEqual(['phone', 'address', 'vaccinations']);
  });

  it('records what changed, what was there before, who and why', () => {
    const result = decideCorrection(
      { version: 1, state: stateOf(details) },
      correct({ birthYear: 1991, fullName: 'Nguyễn Thị Lành' }),
      [],
      NOW,
    );
    expect(result.outcome).toBe('corrected');
    if (result.outcome !== 'corrected') return;
    expect(result.changedFields).toEqual(['fullName', 'birthYear']);
    expect(result.state.foldedName).toBe('nguyen thi lanh');
    expect(result.state.audit.at(-1)).toEqual({
      at: NOW.toISOString(),
      by: 'ttyt-ninh-kieu',
      action: 'corrected',
      reason: 'ghi nhầm',
      changedFields: ['fullName', 'birthYear'],
      previous: { fullName: 'Nguyễn Thị Lan', birthYear: 1990 },
    });
  });

  it('answers unchanged for a correction already applied, whatever version it names', () => {
    expect(decideCorrection({ version: 4, state: stateOf(details) }, correct({}, 1), [], NOW)).toEqual({
      outcome: 'unchanged',
    });
  });

  it('refuses a correction made on an out-of-date read', () => {
    const error = refusal(() =>
      decideCorrection({ version: 3, state: stateOf(details) }, correct({ birthYear: 1991 }, 2), [], NOW),
    );
    expect(error.code).toBe('PERSON_CHANGED_SINCE_READ');
    expect(error.fields.map((f) => f.field)).toEqual(['expectedVersion']);
  });

  it('refuses details that are certainly another person: that is a merge', () => {
    const other = { personId: 'p-other', fullName: 'X', birthYear: 1970, nationalId: '092123456789' };
    const error = refusal(() =>
      decideCorrection(
        { version: 1, state: stateOf(details) },
        correct({ nationalId: '092123456789' }),
        [other],
        NOW,
      ),
    );
    expect(error.code).toBe('SAME_AS_ANOTHER_PERSON');
    expect(error.fields).toEqual([{ field: 'details.nationalId', description: 'makes this person p-other' }]);
    // A merged registration with those details is no obstacle; neither is the person themselves.
    expect(
      decideCorrection(
        { version: 1, state: stateOf(details) },
        correct({ nationalId: '092123456789' }),
        [
          { ...other, mergedInto: 'p-lan' },
          { ...other, personId: 'p-lan' },
        ],
        NOW,
      ).outcome,
    ).toBe('corrected');
  });

  it('refuses to correct a merged registration', () => {
    const error = refusal(() =>
      decideCorrection(
        { version: 2, state: stateOf(details, { mergedInto: 'p-x' }) },
        correct({ birthYear: 1991 }, 2),
        [],
        NOW,
      ),
    );
    expect(error.code).toBe('PERSON_MERGED');
  });
});

describe('merging two registrations', () => {
  const survivor = { id: 'p-a', state: stateOf(details) };
  const merged = { id: 'p-b', state: stateOf({ ...details, phone: '0912000009' }) };
  const command = { survivorId: 'p-a', mergedId: 'p-b', reason: 'cùng một người', mergedBy: 'ttyt' };

  it('points the merged registration to the survivor, with an audit entry', () => {
    const merge = decideMerge(survivor, merged, command, NOW);
    expect(merge.outcome).toBe('merged');
    if (merge.outcome !== 'merged') return;
    expect(merge.mergedState.mergedInto).toBe('p-a');
    expect(merge.mergedState.audit.at(-1)).toEqual({
      at: NOW.toISOString(),
      by: 'ttyt',
      action: 'merged_into',
      reason: 'cùng một người',
      survivorId: 'p-a',
    });
  });

  it('is idempotent, and refuses self-merges, merged survivors, re-merges and two national IDs', () => {
    const done = { ...merged, state: { ...merged.state, mergedInto: 'p-a' } };
    expect(decideMerge(survivor, done, command, NOW)).toEqual({ outcome: 'already_merged' });
    const code = (fn: () => unknown): string[] => refusal(fn).fields.map((f) => f.field);
    expect(code(() => decideMerge(survivor, survivor, command, NOW))).toEqual(['mergedId']);
    expect(code(() => decideMerge({ ...done, id: 'p-b' }, survivor, command, NOW))).toEqual(['survivorId']);
    expect(code(() => decideMerge({ ...survivor, id: 'p-c' }, done, command, NOW))).toEqual(['mergedId']);
    const withId = (s: typeof survivor, nationalId: string) => ({
      ...s,
      state: { ...s.state, details: { ...s.state.details, nationalId } },
    });
    expect(
      code(() => decideMerge(withId(survivor, '361234567'), withId(merged, '361234568'), command, NOW)),
    ).toEqual(['mergedId']);
  });

  it('makes a registration matching a merged one find the survivor, never offer it as a candidate', () => {
    const tombstone = {
      personId: 'p-b',
      fullName: details.fullName,
      birthYear: 1990,
      phone: '0912000009',
      mergedInto: 'p-a',
    };
    const register = (d: PersonDetails) =>
      decideRegistration(
        { details: d, registerDespiteCandidates: false, registeredBy: 'ttyt' },
        [tombstone],
        () => 'p-new',
        NOW,
      );
    expect(register({ ...details, phone: '0912000009' })).toEqual({
      outcome: 'existing',
      personId: 'p-a',
      reason: 'same_name_birth_year_phone',
    });
    // Same name and birth year only: a candidate, but the merged registration is not one to offer.
    expect(register({ ...details, phone: '0912000077' }).outcome).toBe('registered');
  });
});
