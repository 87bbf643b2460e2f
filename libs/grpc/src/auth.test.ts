import { describe, expect, it } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import { DomainError } from '@truyvet/errors';
import { SignJWT } from 'jose';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  DEV_SIGNING_KEY,
  DEV_VERIFYING_KEY,
  authenticate,
  coversArea,
  issueToken,
  requireArea,
  requireRole,
  isDevelopmentKey,
  keyIdOf,
  signingKeyFor,
  verifyingKeyFor,
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
    await expect(verifyToken(DEV_VERIFYING_KEY, token)).resolves.toEqual(district);
  });

  it("carries a lab's staff's lab, and refuses one that is not a lab id", async () => {
    const staff = {
      sub: 'ktv-1',
      role: 'lab' as const,
      jurisdiction: { level: 'city' as const, code: '92' },
      lab: 'lab-92-bvdk',
    };
    await expect(verifyToken(DEV_VERIFYING_KEY, await issueToken(DEV_SIGNING_KEY, staff))).resolves.toEqual(
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

  it('signs with an Ed25519 private key only, and verifies with the public key only', async () => {
    await expect(issueToken('a-shared-secret-of-at-least-32-bytes!!', ward)).rejects.toThrow(
      'Ed25519 private key',
    );
    await expect(issueToken(DEV_VERIFYING_KEY, ward)).rejects.toThrow('Ed25519 private key');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expect(issueToken(rsa.privateKey, ward)).rejects.toThrow('expected an Ed25519 private key');
    const token = await issueToken(DEV_SIGNING_KEY, ward);
    await expect(verifyToken(DEV_SIGNING_KEY, token)).rejects.toThrow('Ed25519 public key');
  });

  it('reads a PEM whose newlines came through an environment variable as \\n', async () => {
    const oneLine = DEV_VERIFYING_KEY.trim().replace(/\n/g, '\\n');
    expect(oneLine).not.toContain('\n');
    const token = await issueToken(DEV_SIGNING_KEY, ward);
    await expect(verifyToken(oneLine, token)).resolves.toEqual(ward);
  });

  it('refuses a token signed by another issuer, named or pretending to be ours', async () => {
    const other = generateKeyPairSync('ed25519');
    const token = await issueToken(other.privateKey, ward);
    await expect(verifyToken(other.publicKey, token)).resolves.toEqual(ward);
    expect(await thrown(() => verifyToken(DEV_VERIFYING_KEY, token))).toMatchObject({
      kind: 'unauthenticated',
      code: 'TOKEN_UNKNOWN_KEY',
    });
    const forged = await new SignJWT({ role: 'admin', jurisdiction: city.jurisdiction })
      .setProtectedHeader({ alg: 'EdDSA', kid: keyIdOf(createPublicKey(DEV_VERIFYING_KEY)) })
      .setSubject('forger')
      .setExpirationTime('1h')
      .sign(other.privateKey);
    expect(await thrown(() => verifyToken(DEV_VERIFYING_KEY, forged))).toMatchObject({
      code: 'TOKEN_BAD_SIGNATURE',
    });
  });

  it('accepts the old and the new key while the issuer rotates, each token by the key it names', async () => {
    const pem = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();
    const next = generateKeyPairSync('ed25519');
    const both = `${DEV_VERIFYING_KEY}${pem(next.publicKey)}`;
    await expect(verifyToken(both, await issueToken(DEV_SIGNING_KEY, ward))).resolves.toEqual(ward);
    await expect(verifyToken(both, await issueToken(next.privateKey, district))).resolves.toEqual(district);
    const unnamed = await new SignJWT({ role: 'ward_team', jurisdiction: ward.jurisdiction })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(next.privateKey);
    expect(await thrown(() => verifyToken(both, unnamed))).toMatchObject({ code: 'TOKEN_UNKNOWN_KEY' });
    // After the rotation: the old key's tokens are refused.
    expect(
      await thrown(async () => verifyToken(pem(next.publicKey), await issueToken(DEV_SIGNING_KEY, ward))),
    ).toMatchObject({ code: 'TOKEN_UNKNOWN_KEY' });
    expect(isDevelopmentKey(both)).toBe(true);
  });

  it('refuses a token without an expiry', async () => {
    const token = await new SignJWT({ role: 'ward_team', jurisdiction: ward.jurisdiction })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('x')
      .sign(createPrivateKey(DEV_SIGNING_KEY));
    const error = await thrown(() => verifyToken(DEV_VERIFYING_KEY, token));
    expect(error).toMatchObject({ kind: 'unauthenticated', code: 'TOKEN_INVALID_CLAIMS' });
    expect(error.message).toContain('exp');
  });

  it('refuses a token whose jurisdiction is malformed', async () => {
    const token = await new SignJWT({ role: 'ward_team', jurisdiction: { level: 'province', code: '92' } })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(createPrivateKey(DEV_SIGNING_KEY));
    const error = await thrown(() => verifyToken(DEV_VERIFYING_KEY, token));
    expect(error.kind).toBe('unauthenticated');
    expect(error.message).toMatch(/^invalid token claims: jurisdiction\.level: /);
  });

  it('reads the bearer token from metadata, with a clear error for each way it can be wrong', async () => {
    const metadata = new grpc.Metadata();
    expect((await thrown(() => authenticate(DEV_VERIFYING_KEY, metadata))).code).toBe('TOKEN_MISSING');
    metadata.set('authorization', 'Token abc');
    expect((await thrown(() => authenticate(DEV_VERIFYING_KEY, metadata))).code).toBe('TOKEN_MALFORMED');
    metadata.set('authorization', `bearer ${await issueToken(DEV_SIGNING_KEY, ward)}`);
    await expect(authenticate(DEV_VERIFYING_KEY, metadata)).resolves.toEqual(ward);
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

describe('keys from config', () => {
  const warnings: string[] = [];
  const warn = (m: string): void => {
    warnings.push(m);
  };
  const issuer = generateKeyPairSync('ed25519');
  const pem = {
    private: issuer.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    public: issuer.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };

  it('a service uses the configured public key, or in embedded runs the development key with a warning', () => {
    warnings.length = 0;
    expect(verifyingKeyFor({ key: pem.public, real: true }, warn)).toBe(pem.public);
    expect(warnings).toEqual([]);
    expect(verifyingKeyFor({ key: undefined, real: false }, warn)).toBe(DEV_VERIFYING_KEY);
    expect(warnings).toEqual([expect.stringMatching(/AUTH_PUBLIC_KEY not set/)]);
  });

  it('fails closed in real mode: no key, the development key, or a key that is not a public Ed25519 key', () => {
    expect(() => verifyingKeyFor({ key: undefined, real: true }, warn)).toThrow('required in real mode');
    expect(() => verifyingKeyFor({ key: DEV_VERIFYING_KEY, real: true }, warn)).toThrow(
      'public development key',
    );
    expect(() => verifyingKeyFor({ key: pem.private, real: true }, warn)).toThrow('Ed25519 public key');
    expect(() => signingKeyFor({ key: DEV_SIGNING_KEY, real: true }, warn)).toThrow('public development key');
    expect(() => signingKeyFor({ key: undefined, real: true }, warn)).toThrow('required in real mode');
  });

  it('accepts the development key in real mode only when told to, and says so', () => {
    warnings.length = 0;
    expect(verifyingKeyFor({ key: DEV_VERIFYING_KEY, real: true, allowDevelopmentKey: true }, warn)).toBe(
      DEV_VERIFYING_KEY,
    );
    expect(signingKeyFor({ key: DEV_SIGNING_KEY, real: true, allowDevelopmentKey: true }, warn)).toBe(
      DEV_SIGNING_KEY,
    );
    expect(warnings).toEqual([
      expect.stringMatching(/^AUTH_PUBLIC_KEY is the public development key: anybody can sign/),
      expect.stringMatching(/^AUTH_SIGNING_KEY is the public development key: anybody can sign/),
    ]);
    expect(isDevelopmentKey(pem.public)).toBe(false);
  });
});
