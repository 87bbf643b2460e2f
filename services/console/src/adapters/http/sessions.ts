/**
 * Who is signed in: the server-side session found by the random id in an HttpOnly cookie, and for
 * a change also proven by the session's CSRF token in a header and a same-origin request.
 */
import type http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AccountDesk, Session } from '../../app/accounts';
import { HttpError } from './errors';

/**
 * The session cookie's name: `__Host-` where it is Secure, so the browser takes it only from this
 * host over HTTPS, for every path, never set by a sibling domain.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-truyvet_session' : 'truyvet_session';
}
export const CSRF_HEADER = 'x-csrf-token';
function cookieOf(request: http.IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The host of an Origin header, or null for `null` and anything unparsable (never ours). */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * The browser's address, for counting failed sign-ins: the socket's peer, unless that peer is one
 * of the deployment's own reverse proxies, whose X-Forwarded-For is then read from the right,
 * skipping the proxies, to the first address no proxy of ours wrote. Never trusted otherwise (a
 * browser can send any X-Forwarded-For it likes).
 */
export function clientAddress(request: http.IncomingMessage, trustedProxies: readonly string[]): string {
  const peer = request.socket.remoteAddress ?? '';
  if (!trustedProxies.includes(peer)) return peer;
  const forwarded = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = forwarded[i] as string;
    if (!trustedProxies.includes(hop)) return hop;
  }
  return peer;
}

/** A request from another site (its Origin or Fetch-Site says so) never changes anything. */
export function requireSameOrigin(request: http.IncomingMessage): void {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new HttpError(403, 'CROSS_SITE', 'changes come from the console itself only');
  const origin = request.headers.origin;
  if (origin !== undefined && hostOf(origin) !== request.headers.host)
    throw new HttpError(403, 'CROSS_SITE', 'changes come from the console itself only');
}

/** The session cookie, the session as the pages see it, and the check of every call. */
export function sessions(accounts: AccountDesk, secure: boolean) {
  const cookieName = sessionCookieName(secure);

  const sessionCookie = (value: string, maxAgeSeconds: number): string =>
    [
      `${cookieName}=${encodeURIComponent(value)}`,
      'HttpOnly',
      'SameSite=Strict',
      'Path=/',
      `Max-Age=${maxAgeSeconds}`,
      ...(secure ? ['Secure'] : []),
    ].join('; ');

  const sessionView = (session: Session) => ({
    user: {
      username: session.username,
      displayName: session.displayName,
      role: session.role,
      jurisdiction: session.jurisdiction,
      ...(session.lab ? { lab: session.lab } : {}),
    },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  });

  /** The signed-in user's session; for a change, also proven by its CSRF token. */
  const signedIn = async (request: http.IncomingMessage, change: boolean): Promise<Session> => {
    const session = await accounts.session(cookieOf(request, cookieName));
    if (!session) throw new HttpError(401, 'SIGN_IN_REQUIRED', 'sign in first');
    if (change) {
      requireSameOrigin(request);
      const token = request.headers[CSRF_HEADER];
      if (!sameToken(typeof token === 'string' ? token : undefined, session.csrfToken))
        throw new HttpError(403, 'CSRF_TOKEN_MISSING', `send the session's token in ${CSRF_HEADER}`);
    }
    return session;
  };

  return { sessionCookie, sessionView, signedIn };
}
