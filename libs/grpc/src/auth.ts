import type * as grpc from '@grpc/grpc-js';
import { DomainError, describeViolations, fieldViolations } from '@truyvet/errors';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
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
  /** The client the token was issued for (`console`, `operator-token`): the audit says through what. */
  client: z
    .string()
    .regex(/^[a-z][a-z0-9._:-]{0,63}$/, 'a client name such as console')
    .optional(),
});
export type Caller = z.infer<typeof callerSchema>;

/**
 * Tokens are signed by one issuer (the console, and the operators' token tool) with an Ed25519
 * private key, and every service checks them with the issuer's public key only: a service can
 * verify a token but cannot make one. Keys are PEM text (PKCS#8 private, SPKI public) or KeyObjects.
 */
export type SigningKey = string | KeyObject;
/** The issuer's public key (SPKI PEM or KeyObject), all a service needs to check tokens. */
export type VerifyingKey = string | KeyObject;

/** The only algorithm tokens may use (Ed25519 signatures). */
export const TOKEN_ALGORITHM = 'EdDSA';

/**
 * The development key pair: the quick start, local CLIs and tests sign and verify with it. It is
 * public (it is in the repository), so a service in real mode refuses it (see `verifyingKeyFor`).
 */
export const DEV_SIGNING_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIG7Jnfud62vFEzSOBAoweKM382m7cqXuLem00seVpBvv
-----END PRIVATE KEY-----
`;
export const DEV_VERIFYING_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEA8YkdNYB+eOKFQDw5pDhsAHP0IPTWT92Zt6uTgjsladk=
-----END PUBLIC KEY-----
`;

/** PEM as it arrives from an environment variable, where newlines are often written `\n`. */
export function pemFromConfig(value: string): string {
  return value.includes('\\n') ? value.replace(/\\n/g, '\n') : value;
}

const parsedKeys = new Map<string, KeyObject>();

function ed25519(key: string | KeyObject, type: 'private' | 'public'): KeyObject {
  let object: KeyObject;
  if (typeof key === 'string') {
    const cached = parsedKeys.get(key);
    if (cached) object = cached;
    else {
      // Node derives a public key from a private one without a word: refuse it, since whoever is
      // handed the private key can sign.
      if (type === 'public' && key.includes('PRIVATE KEY'))
        throw new Error('the token verifying key must be an Ed25519 public key, never the private key');
      try {
        const pem = pemFromConfig(key);
        object = type === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
      } catch {
        throw new Error(
          type === 'private'
            ? 'the token signing key must be an Ed25519 private key in PEM (PKCS#8)'
            : 'the token verifying key must be an Ed25519 public key in PEM (SPKI)',
        );
      }
      parsedKeys.set(key, object);
    }
  } else object = key;
  if (object.type !== type || object.asymmetricKeyType !== 'ed25519')
    throw new Error(
      `expected an Ed25519 ${type} key, got a ${object.asymmetricKeyType ?? 'secret'} ${object.type} key`,
    );
  return object;
}

/** Whether this public key is the development one (which anybody can sign for). */
/** A public key's id, which tokens carry (`kid`): the start of its SPKI's SHA-256, base64url. */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('base64url')
    .slice(0, 16);
}

const PUBLIC_PEM = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g;
const rings = new Map<string, ReadonlyMap<string, KeyObject>>();

/**
 * The keys a service accepts, by id. Several PEM blocks in one setting are several keys: while the
 * issuer's key is rotated the old and the new one are both accepted, and the old one is removed
 * once the tokens it signed have expired.
 */
function keyRing(key: VerifyingKey): ReadonlyMap<string, KeyObject> {
  if (typeof key !== 'string') {
    const one = ed25519(key, 'public');
    return new Map([[keyIdOf(one), one]]);
  }
  const cached = rings.get(key);
  if (cached) return cached;
  if (key.includes('PRIVATE KEY')) ed25519(key, 'public'); // refused there, with the reason
  const blocks = pemFromConfig(key).match(PUBLIC_PEM) ?? [key];
  const ring = new Map(
    blocks.map((block) => {
      const one = ed25519(block, 'public');
      return [keyIdOf(one), one] as const;
    }),
  );
  rings.set(key, ring);
  return ring;
}

/** Whether these public keys include the development one (which anybody can sign for). */
export function isDevelopmentKey(key: VerifyingKey): boolean {
  return keyRing(key).has(keyIdOf(ed25519(DEV_VERIFYING_KEY, 'public')));
}

/** How a program takes its token key from config. */
export interface KeyConfig {
  key: string | undefined;
  real: boolean;
  /** Accept the development key in real mode (test fleets and benchmarks on one machine). */
  allowDevelopmentKey?: boolean;
}

/**
 * The configured key, or in embedded runs the development one with a warning. In real mode a key
 * is required (the config says so too) and the development key is refused unless allowed: anybody
 * can sign for it.
 */
function keyFromConfig(
  setting: 'AUTH_PUBLIC_KEY' | 'AUTH_SIGNING_KEY',
  { key, real, allowDevelopmentKey = false }: KeyConfig,
  development: { key: string; is: (key: string) => boolean },
  warn: (message: string) => void,
): string {
  if (!key) {
    if (real) throw new Error(`${setting} is required in real mode`);
    warn(`${setting} not set: using the public development key`);
    return development.key;
  }
  if (development.is(key)) {
    if (real && !allowDevelopmentKey)
      throw new Error(
        `${setting} is the public development key, which anybody can sign for: refused in real mode ` +
          '(set AUTH_ALLOW_DEVELOPMENT_KEY=true only on a test machine)',
      );
    warn(`${setting} is the public development key: anybody can sign tokens like these`);
  }
  return key;
}

/** The key(s) a service checks tokens with (every block a public Ed25519 key, or refused). */
export function verifyingKeyFor(options: KeyConfig, warn: (message: string) => void): VerifyingKey {
  return keyFromConfig('AUTH_PUBLIC_KEY', options, { key: DEV_VERIFYING_KEY, is: isDevelopmentKey }, warn);
}

/** The key the console signs its users' calls with (an Ed25519 private key, or refused). */
export function signingKeyFor(options: KeyConfig, warn: (message: string) => void): SigningKey {
  const is = (key: string) => isDevelopmentKey(createPublicKey(ed25519(key, 'private')));
  return keyFromConfig('AUTH_SIGNING_KEY', options, { key: DEV_SIGNING_KEY, is }, warn);
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
  const { sub, role, jurisdiction, lab, client } = parsed.data;
  const signer = ed25519(key, 'private');
  return new SignJWT({ role, jurisdiction, ...(lab ? { lab } : {}), ...(client ? { client } : {}) })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT', kid: keyIdOf(createPublicKey(signer)) })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(signer);
}

function unauthenticated(code: string, message: string): DomainError {
  return new DomainError(code, 'unauthenticated', message);
}

/** Verifies a token and its claims. Throws a DomainError of kind `unauthenticated` saying what is wrong. */
export async function verifyToken(key: VerifyingKey, token: string): Promise<Caller> {
  const ring = keyRing(key); // a wrong key is the deployment's fault, not the caller's
  // The key the token names; one without a name only where a single key is accepted.
  const keyFor = (header: { kid?: string | undefined }): KeyObject => {
    const found =
      header.kid === undefined ? (ring.size === 1 ? [...ring.values()][0] : undefined) : ring.get(header.kid);
    if (found) return found;
    throw unauthenticated(
      'TOKEN_UNKNOWN_KEY',
      header.kid === undefined
        ? 'token does not name its key (kid) and this service accepts several'
        : `token signed by key ${header.kid}, which this service does not accept`,
    );
  };
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, keyFor, {
      algorithms: [TOKEN_ALGORITHM],
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
      throw unauthenticated('TOKEN_BAD_ALGORITHM', 'token must be signed with EdDSA (Ed25519)');
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
export async function authenticate(key: VerifyingKey, metadata: grpc.Metadata): Promise<Caller> {
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
