import { describe, expect, it } from '@jest/globals';
import {
  foldName,
  identityKeys,
  lookupKeys,
  matchIdentity,
  nationalIdSchema,
  normalizePhone,
  type Identity,
} from './identity';

describe('names, phones and ID numbers', () => {
  it.each([
    ['Nguyễn Văn Đức', 'nguyen van duc'],
    ['  TRẦN   thị ÁNH ', 'tran thi anh'],
    ['Lê Thị Thuỷ', 'le thi thuy'],
    ['Phạm Quốc-Việt', 'pham quoc viet'],
  ])('folds %s', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it.each([
    ['0912 345 678', '0912345678'],
    ['+84 912.345.678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0292-3821-234', '02923821234'],
    ['12345', null],
    ['0112345678', null],
  ])('normalizes the phone %s', (raw, normalized) => {
    expect(normalizePhone(raw)).toBe(normalized);
  });

  it('accepts CMND and CCCD numbers and nothing else', () => {
    expect(nationalIdSchema.parse('092 123 456 789')).toBe('092123456789');
    expect(nationalIdSchema.parse('361234567')).toBe('361234567');
    expect(nationalIdSchema.safeParse('36123456').success).toBe(false);
    expect(nationalIdSchema.safeParse('09212345678X').success).toBe(false);
  });
});

describe('deduplication on ingest', () => {
  const an: Identity = {
    personId: 'p-an',
    fullName: 'Nguyễn Văn An',
    birthYear: 1980,
    phone: '0912345678',
    nationalId: '092080001234',
    householdId: 'h-1',
  };
  const binh: Identity = {
    personId: 'p-binh',
    fullName: 'Trần Thị Bình',
    birthYear: 1985,
    phone: '0987654321',
    householdId: 'h-1',
  };
  const known = [an, binh];

  it('same national ID: the same person', () => {
    expect(
      matchIdentity({ fullName: 'Nguyen Van An', birthYear: 1981, nationalId: '092080001234' }, known),
    ).toEqual({
      kind: 'same',
      personId: 'p-an',
      reason: 'same_national_id',
    });
  });

  it('same folded name, birth year and phone: the same person', () => {
    expect(matchIdentity({ fullName: 'TRẦN THỊ BÌNH', birthYear: 1985, phone: '0987654321' }, known)).toEqual(
      {
        kind: 'same',
        personId: 'p-binh',
        reason: 'same_name_birth_year_phone',
      },
    );
  });

  it('different national IDs: different people, whatever else they share', () => {
    const other = {
      fullName: 'Nguyễn Văn An',
      birthYear: 1980,
      phone: '0912345678',
      nationalId: '092080009999',
    };
    expect(matchIdentity(other, known)).toEqual({ kind: 'new' });
  });

  it('a probable match is a candidate, not a merge', () => {
    expect(matchIdentity({ fullName: 'Nguyen Van An', birthYear: 1980 }, known)).toEqual({
      kind: 'candidates',
      candidates: [{ personId: 'p-an', reasons: ['same_name_birth_year'] }],
    });
    expect(matchIdentity({ fullName: 'Trần Bình', birthYear: 1985, phone: '0987654321' }, known)).toEqual({
      kind: 'candidates',
      candidates: [{ personId: 'p-binh', reasons: ['same_phone_birth_year'] }],
    });
    expect(matchIdentity({ fullName: 'Trần Thị Bình', birthYear: 2015, householdId: 'h-1' }, known)).toEqual({
      kind: 'candidates',
      candidates: [{ personId: 'p-binh', reasons: ['same_household_name'] }],
    });
  });

  it('someone new is new', () => {
    expect(matchIdentity({ fullName: 'Lê Văn Cường', birthYear: 1990, phone: '0901234567' }, known)).toEqual({
      kind: 'new',
    });
  });

  it('gives the natural keys that decide "the same person for certain"', () => {
    expect(
      identityKeys({
        fullName: 'Nguyễn Văn An',
        birthYear: 1980,
        phone: '0912345678',
        nationalId: '092080001234',
      }),
    ).toEqual(['nid:092080001234', 'nbp:nguyen van an|1980|0912345678']);
    expect(identityKeys({ fullName: 'Nguyễn Văn An', birthYear: 1980 })).toEqual([]);
  });

  it('files every person so that whoever a rule would match them with shares a lookup key', () => {
    const keysOf = (p: Omit<Identity, 'personId'>) =>
      new Set(lookupKeys({ ...p, foldedName: foldName(p.fullName) }));
    const incoming: Array<Omit<Identity, 'personId'>> = [
      { fullName: 'Nguyen Van An', birthYear: 1981, nationalId: '092080001234' }, // same national ID
      { fullName: 'TRẦN THỊ BÌNH', birthYear: 1985, phone: '0987654321' }, // name, birth year, phone
      { fullName: 'Nguyễn Văn An', birthYear: 1980 }, // name and birth year
      { fullName: 'Trần Bình', birthYear: 1985, phone: '0987654321' }, // phone and birth year
      { fullName: 'Trần Thị Bình', birthYear: 2015, householdId: 'h-1' }, // household and name
    ];
    for (const person of incoming) {
      const match = matchIdentity(person, known);
      expect(match.kind).not.toBe('new');
      const matched =
        match.kind === 'same'
          ? [match.personId]
          : match.kind === 'candidates'
            ? match.candidates.map((c) => c.personId)
            : [];
      for (const id of matched) {
        const other = known.find((k) => k.personId === id) as Identity;
        const shared = [...keysOf(person)].filter((key) => keysOf(other).has(key));
        expect(shared.length).toBeGreaterThan(0);
      }
    }
    // Someone new shares no key with anyone.
    const stranger = keysOf({ fullName: 'Lê Văn Cường', birthYear: 1990, phone: '0901234567' });
    for (const k of known) expect([...keysOf(k)].filter((key) => stranger.has(key))).toEqual([]);
  });
});
