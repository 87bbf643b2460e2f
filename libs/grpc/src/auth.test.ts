import { describe, expect, it } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import { DomainError } from '@truyvet/errors';
import { SignJWT } from 'jose';
import {
  DEV_SIGNING_KEY,
  authenticate,
  coversArea,
  issueToken,
  requireArea,
  requireRole,
  signingKeyOrDevelopment,
  verifyToken,
  type Caller,
} from './auth';

const city: Caller = { sub: 'city-ops', role: 'city', jurisdiction: { level: 'city', code: '92' } };
const district: Caller = {
  sub: 'cdc-916',
  role: 'district_center',
  jurisdiction: { level: 'district', code: '916' },
};
const ward: Caller = { sub: 'team-31117', role: 'ward_team', jurisdiction: { level: 'ward', code: '31117' } };

/** The DomainError `fn` throws (sync or async). */
async function thrown(fn: () => unknown): Promise<DomainError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('tokens', () => {
  it('round-trips the claims of an issued token', async () => {
    const token = await issueToken(DEV_SIGNING_KEY, district, 60);
    await expect(verifyToken(DEV_SIGNING_KEY, token)).resolves.toEqual(district);
  });

  it("carries a lab's staff's lab, and refuses one that is not a lab id", async () => {
    const staff = {
      sub: 'ktv-1',
      role: 'lab' as const,
      jurisdiction: { level: 'city' as const, code: '92' },
      lab: 'lab-92-bvdk',
    };
    await expect(verifyToken(DEV_SIGNING_KEY, await issueToken(DEV_SIGNING_KEY, staff))).resolves.toEqual(
      staff,
    );
    await expect(issueToken(DEV_SIGNING_KEY, { ...staff, lab: 'Lab 92!' })).rejects.toThrow(/lab/);
  });

  it('refuses to issue a token with invalid claims, naming them', async () => {
    const error = await thrown(() =>
      issueToken(DEV_SIGNING_KEY, { ...ward, sub: '', jurisdiction: { level: 'ward', code: '916' } }),
    );
    expect(error.kind).toBe('invalid');
    expect(error.fields.map((f) => f.field).sort()).toEqual(['jurisdiction.code', 'sub']);
  });

  it('refuses a key shorter than 32 bytes', async () => {
    await expect(issueToken('short', ward)).rejects.toThrow('at least 32 bytes');
  });

  it('refuses a token without an expiry', async () => {
    const token = await new SignJWT({ role: 'ward_team', jurisdiction: ward.jurisdiction })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .sign(new TextEncoder().encode(DEV_SIGNING_KEY));
    const error = await thrown(() => verifyToken(DEV_SIGNING_KEY, token));
    expect(error).toMatchObject({ kind: 'unauthenticated', code: 'TOKEN_INVALID_CLAIMS' });
    expect(error.message).toContain('exp');
  });

  it('refuses a token whose jurisdiction is malformed', async () => {
    const token = await new SignJWT({ role: 'ward_team', jurisdiction: { level: 'province', code: '92' } })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(DEV_SIGNING_KEY));
    const error = await thrown(() => verifyToken(DEV_SIGNING_KEY, token));
    expect(error.kind).toBe('unauthenticated');
    expect(error.message).toMatch(/^invalid token claims: jurisdiction\.level: /);
  });

  it('reads the bearer token from metadata, with a clear error for each way it can be wrong', async () => {
    const metadata = new grpc.Metadata();
    expect((await thrown(() => authenticate(DEV_SIGNING_KEY, metadata))).code).toBe('TOKEN_MISSING');
    metadata.set('authorization', 'Token abc');
    expect((await thrown(() => authenticate(DEV_SIGNING_KEY, metadata))).code).toBe('TOKEN_MALFORMED');
    metadata.set('authorization', `bearer ${await issueToken(DEV_SIGNING_KEY, ward)}`);
    await expect(authenticate(DEV_SIGNING_KEY, metadata)).resolves.toEqual(ward);
  });
});

describe('requireRole', () => {
  it('lets an allowed role through and refuses the others with forbidden', async () => {
    expect(() => {
      requireRole({ caller: ward }, 'ward_team', 'admin');
    }).not.toThrow();
    const error = await thrown(() => {
      requireRole({ caller: ward, method: '/x.v1.S/M' }, 'lab', 'city');
    });
    expect(error).toMatchObject({ kind: 'forbidden', code: 'ROLE_NOT_ALLOWED' });
    expect(error.message).toBe('role ward_team may not call /x.v1.S/M (allowed: lab, city)');
  });
});

describe('coversArea', () => {
  it('lets a city caller cover everything in its city', () => {
    expect(coversArea(city, {})).toBe(true);
    expect(coversArea(city, { districtCode: '916' })).toBe(true);
    expect(coversArea(city, { districtCode: '916', wardCode: '31117' })).toBe(true);
    expect(coversArea(city, { cityCode: '92', wardCode: '31117' })).toBe(true);
    expect(coversArea(city, { cityCode: '79' })).toBe(false);
  });

  it('lets a district caller cover its district and the wards the caller says are in it', () => {
    expect(coversArea(district, { districtCode: '916' })).toBe(true);
    expect(coversArea(district, { districtCode: '916', wardCode: '31117' })).toBe(true);
    expect(coversArea(district, { districtCode: '917', wardCode: '31150' })).toBe(false);
    expect(coversArea(district, { wardCode: '31117' })).toBe(false); // district unknown: not covered
    expect(coversArea(district, {})).toBe(false); // city-wide
  });

  it('lets a ward caller cover its ward only', () => {
    expect(coversArea(ward, { districtCode: '916', wardCode: '31117' })).toBe(true);
    expect(coversArea(ward, { wardCode: '31120' })).toBe(false);
    expect(coversArea(ward, { districtCode: '916' })).toBe(false);
  });

  it('requireArea refuses what is not covered with forbidden, naming the place', async () => {
    const error = await thrown(() => {
      requireArea({ caller: ward }, { districtCode: '916', wardCode: '31120' });
    });
    expect(error).toMatchObject({ kind: 'forbidden', code: 'OUTSIDE_JURISDICTION' });
    expect(error.message).toBe("ward 31120 is outside the caller's jurisdiction (ward 31117)");
  });
});

describe('signing key from config', () => {
  it('uses the configured key, or the development key with a warning', () => {
    const warnings: string[] = [];
    const warn = (m: string): void => {
      warnings.push(m);
    };
    expect(signingKeyOrDevelopment('a-real-key-of-at-least-32-characters!', warn)).toBe(
      'a-real-key-of-at-least-32-characters!',
    );
    expect(warnings).toEqual([]);
    expect(signingKeyOrDevelopment(undefined, warn)).toBe(DEV_SIGNING_KEY);
    expect(warnings).toEqual([expect.stringMatching(/AUTH_SIGNING_KEY not set/)]);
  });
});
