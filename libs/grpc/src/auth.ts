import type * as grpc from '@grpc/grpc-js';
import { DomainError, describeViolations, fieldViolations } from '@truyvet/errors';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';

/** Who may call: people's teams and tools. `service` is for automation acting on its own behalf. */
export const ROLES = ['ward_team', 'district_center', 'lab', 'city', 'admin', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** Admin-unit code lengths (GSO numbering): city '92', district '916', ward '31117'. */
const CODE_LENGTH = { city: 2, district: 3, ward: 5 } as const;

export const jurisdictionSchema = z
  .object({
    level: z.enum(['city', 'district', 'ward']),
    code: z.string().regex(/^\d+$/, 'must be an admin-unit code (digits)'),
  })
  .refine((j) => j.code.length === CODE_LENGTH[j.level], {
    message: 'code length does not match the level (city 2, district 3, ward 5 digits)',
    path: ['code'],
  });
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

/** The verified identity of a caller: the claims of its token (besides `exp`). */
export const callerSchema = z.object({
  /** User or tool id. */
  sub: z.string().min(1),
  role: z.enum(ROLES),
  jurisdiction: jurisdictionSchema,
  /** For a lab's staff: the lab they work for (`lab-92`), so a lab acts on the tubes sent to it only. */
  lab: z
    .string()
    .regex(/^lab-[a-z0-9-]+$/, 'a lab id such as lab-92')
    .optional(),
});
export type Caller = z.infer<typeof callerSchema>;

/** An HS256 key: a string (its UTF-8 bytes) or raw bytes, at least 32 bytes either way. */
export type SigningKey = string | Uint8Array;

/**
 * The development signing key: the quick start, local CLIs and tests sign and verify with it.
 * It is public (it is in the repository): production reads a real key from config and must never use this.
 */
export const DEV_SIGNING_KEY = 'truyvet-DEVELOPMENT-ONLY-signing-key-never-use-in-production';

/**
 * The configured signing key, or the public development key with a warning (embedded runs and
 * local trials; a real deployment requires the key in its config).
 */
export function signingKeyOrDevelopment(key: string | undefined, warn: (message: string) => void): string {
  if (key) return key;
  warn('AUTH_SIGNING_KEY not set: accepting tokens signed with the public development key');
  return DEV_SIGNING_KEY;
}

function keyBytes(key: SigningKey): Uint8Array {
  const bytes = typeof key === 'string' ? new TextEncoder().encode(key) : key;
  if (bytes.byteLength < 32) throw new Error('an HS256 signing key must be at least 32 bytes');
  return bytes;
}

/** Signs a token for `claims`, valid for `ttlSeconds` (for the quick start, CLIs and tests). */
export async function issueToken(key: SigningKey, claims: Caller, ttlSeconds = 3600): Promise<string> {
  const parsed = callerSchema.safeParse(claims);
  if (!parsed.success) {
    const fields = fieldViolations(parsed.error);
    throw new DomainError(
      'INVALID_TOKEN_CLAIMS',
      'invalid',
      `invalid token claims: ${describeViolations(fields)}`,
      {
        fields,
      },
    );
  }
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0)
    throw new Error('ttlSeconds must be a positive integer');
  const { sub, role, jurisdiction, lab } = parsed.data;
  return new SignJWT({ role, jurisdiction, ...(lab ? { lab } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(keyBytes(key));
}

function unauthenticated(code: string, message: string): DomainError {
  return new DomainError(code, 'unauthenticated', message);
}

/** Verifies a token and its claims. Throws a DomainError of kind `unauthenticated` saying what is wrong. */
export async function verifyToken(key: SigningKey, token: string): Promise<Caller> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, keyBytes(key), {
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated('TOKEN_EXPIRED', 'token expired');
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
      throw unauthenticated('TOKEN_BAD_SIGNATURE', 'token signature does not verify');
    }
    if (error instanceof joseErrors.JWTClaimValidationFailed) {
      throw unauthenticated('TOKEN_INVALID_CLAIMS', `invalid token: claim ${error.claim}: ${error.message}`);
    }
    if (error instanceof joseErrors.JOSEAlgNotAllowed) {
      throw unauthenticated('TOKEN_BAD_ALGORITHM', 'token must be signed with HS256');
    }
    if (error instanceof joseErrors.JOSEError) throw unauthenticated('TOKEN_MALFORMED', 'malformed token');
    throw error;
  }
  const parsed = callerSchema.safeParse(payload);
  if (!parsed.success) {
    throw unauthenticated(
      'TOKEN_INVALID_CLAIMS',
      `invalid token claims: ${describeViolations(fieldViolations(parsed.error))}`,
    );
  }
  return parsed.data;
}

const BEARER = /^Bearer +([^\s]+)$/i;

/** Reads `authorization: Bearer <token>` from request metadata and verifies the token. */
export async function authenticate(key: SigningKey, metadata: grpc.Metadata): Promise<Caller> {
  const values = metadata.get('authorization');
  if (values.length === 0) {
    throw unauthenticated(
      'TOKEN_MISSING',
      'missing credentials: send metadata "authorization: Bearer <token>"',
    );
  }
  const match = values.length === 1 && typeof values[0] === 'string' ? BEARER.exec(values[0].trim()) : null;
  if (!match?.[1]) {
    throw unauthenticated('TOKEN_MALFORMED', 'malformed authorization metadata: expected "Bearer <token>"');
  }
  return verifyToken(key, match[1]);
}

/** What the authorization helpers need from a call context. */
export interface AuthorizationContext {
  caller: Caller;
  method?: string;
}

/** Throws PERMISSION_DENIED (DomainError `forbidden`) unless the caller has one of `roles`. */
export function requireRole(ctx: AuthorizationContext, ...roles: readonly Role[]): void {
  if (roles.includes(ctx.caller.role)) return;
  const what = ctx.method ? `call ${ctx.method}` : 'do this';
  throw new DomainError(
    'ROLE_NOT_ALLOWED',
    'forbidden',
    `role ${ctx.caller.role} may not ${what} (allowed: ${roles.join(', ') || 'none'})`,
  );
}

/** A place to check against a caller's jurisdiction: admin-unit codes. */
export interface Area {
  /** Checked only when given: one deployment serves one city. */
  cityCode?: string;
  districtCode?: string;
  /** For a ward, also pass its `districtCode` (this lib does not know the admin-unit tree). */
  wardCode?: string;
}

/**
 * Whether the caller's jurisdiction covers `area`. A city-level caller covers everything in the city;
 * a district-level caller covers its district and the wards whose `districtCode` the area names; a
 * ward-level caller covers only its ward. An area naming neither district nor ward is city-wide.
 */
export function coversArea(caller: Caller, area: Area): boolean {
  const { level, code } = caller.jurisdiction;
  switch (level) {
    case 'city':
      return area.cityCode === undefined || area.cityCode === code;
    case 'district':
      return area.districtCode === code;
    case 'ward':
      return area.wardCode === code;
  }
}

/** Throws PERMISSION_DENIED (DomainError `forbidden`) unless the caller's jurisdiction covers `area`. */
export function requireArea(ctx: AuthorizationContext, area: Area): void {
  if (coversArea(ctx.caller, area)) return;
  const { level, code } = ctx.caller.jurisdiction;
  const target = area.wardCode
    ? `ward ${area.wardCode}`
    : area.districtCode
      ? `district ${area.districtCode}`
      : area.cityCode
        ? `city ${area.cityCode}`
        : 'the whole city';
  throw new DomainError(
    'OUTSIDE_JURISDICTION',
    'forbidden',
    `${target} is outside the caller's jurisdiction (${level} ${code})`,
  );
}
