/**
 * The console's HTTP gateway: sign-in and sessions, the admin's users, and the services' APIs
 * called on the signed-in user's behalf. Who the user is and what they may do comes from the
 * server-side session only; the browser holds a random session id (HttpOnly cookie) and proves each
 * change with the session's CSRF token in a header.
 */
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { readFieldViolations } from '@truyvet/grpc';
import { DomainError, type ErrorKind, type FieldViolation } from '@truyvet/errors';
import type { Logger } from '@truyvet/log';
import type { AdminUnits } from '@truyvet/geo';
import { callerOf, parseInput } from '../app/users';
import type { AccountDesk, Session } from '../app/accounts';
import {
  amendmentSchema,
  barcodeSchema,
  contactsEntrySchema,
  personQuerySchema,
  dispatchSchema,
  reportQuerySchema,
  resultRowsSchema,
  sampleEntrySchema,
  scannedBoxSchema,
  taskOutcomeSchema,
} from '../app/forms';
import { contactFormField, contactsToRecord, drawCase, openCaseFile } from '../app/case-file';
import type { CaseGraph } from './cases';
import type { PersonApi } from './persons';
import type { LabApi } from './lab';
import type { ReportArea, ReportApi } from './reports';
import type { SampleApi } from './samples';

/**
 * The session cookie's name: `__Host-` where it is Secure, so the browser takes it only from this
 * host over HTTPS, for every path, never set by a sibling domain.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-truyvet_session' : 'truyvet_session';
}
export const CSRF_HEADER = 'x-csrf-token';
const MAX_BODY_BYTES = 64 * 1024;

export interface GatewayOptions {
  accounts: AccountDesk;
  cases: CaseGraph;
  persons: PersonApi;
  samples: SampleApi;
  reports: ReportApi;
  lab: LabApi;
  /** The province's districts and wards: a ward's district, the names the pages show. */
  units: AdminUnits;
  logger: Logger;
  /** `Secure` on the session cookie: on wherever the console is served over HTTPS (default). */
  secureCookies?: boolean;
  /** The built pages (web/dist), served for every path outside /api. */
  webDir?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/** Only the console's own files run in its pages. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * A file of the built pages; any other path is the app itself (index.html), which shows the page
 * for it. Paths are resolved inside `webDir` only.
 */
async function webFile(
  webDir: string,
  urlPath: string,
): Promise<{ body: Buffer; type: string; immutable: boolean }> {
  const wanted = path.resolve(webDir, `.${decodeURIComponent(urlPath)}`);
  const inside = wanted.startsWith(path.resolve(webDir) + path.sep);
  const extension = path.extname(wanted);
  if (inside && extension && extension !== '.html') {
    try {
      return {
        body: await readFile(wanted),
        type: CONTENT_TYPES[extension] ?? 'application/octet-stream',
        immutable: urlPath.startsWith('/assets/'),
      };
    } catch {
      throw new HttpError(404, 'NOT_FOUND', `no ${urlPath}`);
    }
  }
  try {
    return {
      body: await readFile(path.join(webDir, 'index.html')),
      type: CONTENT_TYPES['.html'] ?? '',
      immutable: false,
    };
  } catch {
    throw new HttpError(503, 'PAGES_NOT_BUILT', 'the console pages are not built: npm run build:console');
  }
}

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_exists: 409,
  unavailable: 503,
  exhausted: 429,
  internal: 500,
};

const STATUS_OF_GRPC: Partial<Record<number, number>> = {
  [GrpcStatus.INVALID_ARGUMENT]: 400,
  [GrpcStatus.UNAUTHENTICATED]: 401,
  [GrpcStatus.PERMISSION_DENIED]: 403,
  [GrpcStatus.NOT_FOUND]: 404,
  [GrpcStatus.FAILED_PRECONDITION]: 409,
  [GrpcStatus.ALREADY_EXISTS]: 409,
  [GrpcStatus.RESOURCE_EXHAUSTED]: 429,
  [GrpcStatus.UNAVAILABLE]: 503,
  [GrpcStatus.DEADLINE_EXCEEDED]: 504,
};

const PUBLIC_MESSAGE: Partial<Record<number, string>> = {
  [GrpcStatus.PERMISSION_DENIED]: 'not in your area or role',
  [GrpcStatus.UNAUTHENTICATED]: 'sign in again',
  [GrpcStatus.UNAVAILABLE]: 'a service is unavailable for a moment; try again',
  [GrpcStatus.DEADLINE_EXCEEDED]: 'a service took too long; try again',
};

/** The JSON body of every error: what went wrong, and which fields when the input is wrong. */
interface ErrorBody {
  error: { code: string; message: string; fields: FieldViolation[] };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function errorResponse(error: unknown): { status: number; body: ErrorBody } | undefined {
  if (error instanceof HttpError)
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, fields: [] } },
    };
  if (error instanceof DomainError)
    return {
      status: STATUS_OF_KIND[error.kind],
      body: { error: { code: error.code, message: error.message, fields: [...error.fields] } },
    };
  const grpcCode = (error as { code?: unknown }).code;
  const details = (error as { details?: unknown }).details;
  if (typeof grpcCode === 'number' && STATUS_OF_GRPC[grpcCode] !== undefined && typeof details === 'string') {
    // What a refusal or an outage says inside (whose ward a case is in, which address is down) is
    // not for the browser: those get a fixed message, the rest (wrong input, a state) their own.
    const message = PUBLIC_MESSAGE[grpcCode] ?? details;
    const fields = readFieldViolations(error as Parameters<typeof readFieldViolations>[0]);
    return {
      status: STATUS_OF_GRPC[grpcCode] ?? 500,
      body: { error: { code: GrpcStatus[grpcCode] ?? 'UNKNOWN', message, fields } },
    };
  }
  if (error instanceof URIError)
    return {
      status: 400,
      body: { error: { code: 'BAD_ENCODING', message: 'a malformed percent-encoding', fields: [] } },
    };
  return undefined;
}

/**
 * A service's field errors under the form's own field names, so each shows at the field the user
 * typed (the service names its request's fields).
 */
async function withFormFields<T>(work: Promise<T>, formField: (field: string) => string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const known = errorResponse(error);
    if (known?.status !== 400 || known.body.error.fields.length === 0) throw error;
    const { code, message, fields } = known.body.error;
    throw new DomainError(code, 'invalid', message, {
      fields: fields.map((f) => ({ ...f, field: formField(f.field) })),
    });
  }
}

/** The most suggestions shown under a contact being typed. */
const MAX_SUGGESTIONS = 8;
/** The most people one isolation list shows (a ward's are far fewer; a district picks a ward). */
const MAX_LISTED = 500;

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

async function jsonBody(request: http.IncomingMessage): Promise<unknown> {
  // A cross-site form can post text/plain or a form encoding, never JSON without a preflight.
  if (!(request.headers['content-type'] ?? '').startsWith('application/json'))
    throw new HttpError(415, 'JSON_ONLY', 'send the body as application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'BODY_TOO_LARGE', `at most ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'NOT_JSON', 'the body is not JSON');
  }
}

/** The host of an Origin header, or null for `null` and anything unparsable (never ours). */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** A request from another site (its Origin or Fetch-Site says so) never changes anything. */
function requireSameOrigin(request: http.IncomingMessage): void {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new HttpError(403, 'CROSS_SITE', 'changes come from the console itself only');
  const origin = request.headers.origin;
  if (origin !== undefined && hostOf(origin) !== request.headers.host)
    throw new HttpError(403, 'CROSS_SITE', 'changes come from the console itself only');
}

export function createGateway(options: GatewayOptions): http.Server {
  const { accounts, cases, persons, samples, reports, lab, units, logger } = options;
  const districtOf = (ward: string): string | undefined => units.ward(ward)?.parentCode ?? undefined;

  /** The districts (with their wards) a user works over: all for the city, else their own. */
  const areasOf = (jurisdiction: Session['jurisdiction']) => {
    const { level, code } = jurisdiction;
    const district = level === 'district' ? code : level === 'ward' ? districtOf(code) : undefined;
    return units
      .districts()
      .filter((d) => district === undefined || d.code === district)
      .map((d) => ({
        code: d.code,
        name: d.name,
        wards: units
          .wardsOf(d.code)
          .filter((w) => level !== 'ward' || w.code === code)
          .map((w) => ({ code: w.code, name: w.name })),
      }));
  };

  /** The district a change is made in: the user's own, or the ward's. */
  const districtFor = (session: Session, wardCode?: string): string | undefined => {
    const { level, code } = session.jurisdiction;
    if (level === 'district') return code;
    const ward = wardCode ?? (level === 'ward' ? code : undefined);
    return ward ? districtOf(ward) : undefined;
  };
  const secure = options.secureCookies ?? true;
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

  type Reply = { status: number; body?: unknown; cookie?: string };

  const route = async (
    request: http.IncomingMessage,
    urlPath: string,
    query: URLSearchParams,
  ): Promise<Reply> => {
    const method = request.method ?? 'GET';
    if (urlPath === '/api/session') {
      if (method === 'POST') {
        requireSameOrigin(request);
        const session = await accounts.signIn(await jsonBody(request), request.socket.remoteAddress ?? '');
        const maxAge = Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000);
        logger.info({ user: session.username, role: session.role }, 'signed in');
        return { status: 200, body: sessionView(session), cookie: sessionCookie(session.id, maxAge) };
      }
      if (method === 'GET') return { status: 200, body: sessionView(await signedIn(request, false)) };
      if (method === 'DELETE') {
        const session = await signedIn(request, true);
        await accounts.signOut(session.id);
        return { status: 204, cookie: sessionCookie('', 0) };
      }
    }
    if (urlPath === '/api/users') {
      if (method === 'GET')
        return { status: 200, body: { users: await accounts.listUsers(await signedIn(request, false)) } };
      if (method === 'POST') {
        const session = await signedIn(request, true);
        const user = await accounts.addUser(session, await jsonBody(request));
        logger.info({ by: session.username, user: user.username, role: user.role }, 'user added');
        return { status: 201, body: { user } };
      }
    }
    if (urlPath === '/api/worklist' && method === 'GET') {
      const session = await signedIn(request, false);
      const { level, code } = session.jurisdiction;
      // By default the user's own area; the sample service checks any other asked for.
      const ward = query.get('wardCode') ?? (level === 'ward' ? code : undefined);
      const district =
        query.get('districtCode') ?? (level === 'district' ? code : ward ? districtOf(ward) : undefined);
      if (!district)
        throw new DomainError('DISTRICT_REQUIRED', 'invalid', 'say which district', {
          fields: [{ field: 'districtCode', description: 'a district of the city' }],
        });
      const items = await samples.worklist(callerOf(session), {
        districtCode: district,
        ...(ward ? { wardCode: ward } : {}),
      });
      return { status: 200, body: { districtCode: district, items } };
    }
    if (urlPath === '/api/areas' && method === 'GET') {
      const session = await signedIn(request, false);
      // The whole city's names when asked (where someone moved to); else the user's own area.
      const districts = areasOf(
        query.get('scope') === 'city' ? { level: 'city', code: units.province.code } : session.jurisdiction,
      );
      return { status: 200, body: { province: units.province.name, districts } };
    }
    if (urlPath === '/api/samples' && method === 'POST') {
      const session = await signedIn(request, true);
      const tube = parseInput(sampleEntrySchema, await jsonBody(request), 'tube');
      const districtCode = districtFor(session, tube.wardCode);
      if (!districtCode || districtOf(tube.wardCode) !== districtCode)
        throw new DomainError('WARD_NOT_IN_DISTRICT', 'invalid', 'not a ward of your district', {
          fields: [{ field: 'wardCode', description: 'not a ward of your district' }],
        });
      // Swabbed now: the tube is entered at the site as it is labelled.
      const sample = await samples.collectSample(callerOf(session), {
        ...tube,
        districtCode,
        collectedAt: new Date().toISOString(),
        teamId: session.username,
      });
      logger.info(
        { user: session.username, sample: sample.sampleId, swabs: tube.personIds.length },
        'tube entered',
      );
      return { status: 201, body: { sample } };
    }
    if (urlPath === '/api/shipments' && method === 'POST') {
      const session = await signedIn(request, true);
      const { sampleIds } = parseInput(dispatchSchema, await jsonBody(request), 'box');
      const districtCode = districtFor(session);
      if (!districtCode)
        throw new DomainError('DISTRICT_REQUIRED', 'forbidden', 'boxes are dispatched by a district center');
      // To the city's CDC lab (lab-<province code>, the id its accessioning desk answers to).
      const shipment = await samples.dispatchShipment(callerOf(session), {
        districtCode,
        labId: `lab-${units.province.code}`,
        sampleIds,
      });
      logger.info(
        { user: session.username, shipment: shipment.shipmentId, tubes: sampleIds.length },
        'box dispatched',
      );
      return { status: 201, body: { shipment } };
    }
    if (urlPath === '/api/shipments' && method === 'GET') {
      const session = await signedIn(request, false);
      const districtCode = query.get('districtCode') ?? districtFor(session);
      if (!districtCode)
        throw new DomainError('DISTRICT_REQUIRED', 'invalid', 'say which district', {
          fields: [{ field: 'districtCode', description: 'a district of the city' }],
        });
      return {
        status: 200,
        body: { districtCode, shipments: await samples.shipments(callerOf(session), districtCode) },
      };
    }
    if (urlPath === '/api/report' && method === 'GET') {
      const session = await signedIn(request, false);
      const asked = parseInput(reportQuerySchema, Object.fromEntries(query), 'report');
      // By default the user's own area; reporting refuses any other it does not let them read.
      const own = session.jurisdiction;
      const level = asked.level ?? own.level;
      const code =
        asked.code ?? (asked.level === undefined || asked.level === own.level ? own.code : undefined);
      const area: ReportArea = level === 'city' ? { level } : { level, ...(code ? { code } : {}) };
      return { status: 200, body: await reports.report(callerOf(session), area, asked.date) };
    }
    if (urlPath === '/api/accessions' && method === 'POST') {
      const session = await signedIn(request, true);
      const box = parseInput(scannedBoxSchema, await jsonBody(request), 'box');
      const accession = await lab.accession(callerOf(session), box);
      logger.info(
        { user: session.username, shipment: box.shipmentId, tubes: box.tubes.length },
        'box accessioned',
      );
      return { status: 200, body: { accession } };
    }
    if (urlPath === '/api/results' && method === 'POST') {
      const session = await signedIn(request, true);
      const { rows } = parseInput(resultRowsSchema, await jsonBody(request), 'results');
      const recorded = await lab.recordResults(callerOf(session), rows);
      logger.info(
        { user: session.username, rows: rows.length, rejected: recorded.rejected },
        'results recorded',
      );
      return { status: 200, body: recorded };
    }
    const resultMatch = /^\/api\/results\/([^/]+)(\/amend)?$/.exec(urlPath);
    if (resultMatch?.[1]) {
      const barcode = parseInput(barcodeSchema, decodeURIComponent(resultMatch[1]), 'barcode');
      if (method === 'GET' && !resultMatch[2]) {
        const session = await signedIn(request, false);
        return { status: 200, body: { sample: await lab.sampleResults(callerOf(session), barcode) } };
      }
      if (method === 'POST' && resultMatch[2]) {
        const session = await signedIn(request, true);
        const amendment = parseInput(amendmentSchema, await jsonBody(request), 'amendment');
        const sample = await lab.amendResult(callerOf(session), { ...amendment, barcode });
        logger.info({ user: session.username, barcode, outcome: amendment.outcome }, 'result amended');
        return { status: 200, body: { sample } };
      }
    }
    if (urlPath === '/api/tasks' && method === 'GET') {
      const session = await signedIn(request, false);
      const { tasks, overdue } = await cases.listTasks(callerOf(session));
      const names = await persons.names(
        callerOf(session),
        tasks.flatMap((t) => [t.personId, ...t.candidates.map((c) => c.personId)]),
      );
      const nameOf = (id: string) => names.get(id)?.fullName ?? '';
      return {
        status: 200,
        body: {
          tasks: tasks.map((t) => ({
            ...t,
            personName: nameOf(t.personId),
            candidates: t.candidates.map((c) => ({
              ...c,
              fullName: nameOf(c.personId),
              birthYear: names.get(c.personId)?.birthYear ?? 0,
            })),
          })),
          overdue,
        },
      };
    }
    if (urlPath === '/api/persons' && method === 'GET') {
      const session = await signedIn(request, false);
      const asked = parseInput(personQuerySchema, Object.fromEntries(query), 'person search');
      const found = await persons.find(callerOf(session), asked);
      return { status: 200, body: { persons: found.slice(0, MAX_SUGGESTIONS) } };
    }
    if (urlPath === '/api/isolation' && method === 'GET') {
      const session = await signedIn(request, false);
      const { level, code } = session.jurisdiction;
      // By default the user's own area; case-graph checks any other asked for.
      const wardCode = query.get('wardCode') ?? (level === 'ward' ? code : undefined);
      // A ward asked for is looked up in its own district, so case-graph refuses one outside the
      // user's area rather than answering an empty list.
      const districtCode =
        query.get('districtCode') ??
        (wardCode ? districtOf(wardCode) : level === 'district' ? code : undefined);
      const people = await cases.inIsolation(callerOf(session), {
        ...(districtCode ? { districtCode } : {}),
        ...(wardCode ? { wardCode } : {}),
      });
      // The soonest test first; a list longer than a page is cut (and says how long it is).
      const listed = [...people]
        .sort((a, b) => (a.nextTestOn || '9').localeCompare(b.nextTestOn || '9'))
        .slice(0, MAX_LISTED);
      const names = await persons.names(
        callerOf(session),
        listed.map((p) => p.personId),
      );
      return {
        status: 200,
        body: {
          people: listed.map((p) => ({ ...p, fullName: names.get(p.personId)?.fullName ?? '' })),
          total: people.length,
        },
      };
    }
    const taskMatch = /^\/api\/tasks\/([^/]+)\/(claim|complete)$/.exec(urlPath);
    if (taskMatch?.[1] && method === 'POST') {
      const session = await signedIn(request, true);
      const taskId = decodeURIComponent(taskMatch[1]);
      if (taskMatch[2] === 'claim')
        return { status: 200, body: { task: await cases.claimTask(callerOf(session), taskId) } };
      const ending = parseInput(taskOutcomeSchema, await jsonBody(request), 'task outcome');
      const task = await cases.completeTask(callerOf(session), { taskId, ...ending });
      logger.info({ user: session.username, task: taskId, outcome: ending.outcome }, 'task completed');
      return { status: 200, body: { task } };
    }
    const caseMatch = /^\/api\/cases\/([^/]+)(\/contacts|\/graph)?$/.exec(urlPath);
    if (caseMatch?.[1]) {
      const caseId = decodeURIComponent(caseMatch[1]);
      if (method === 'GET' && !caseMatch[2]) {
        const session = await signedIn(request, false);
        return { status: 200, body: await openCaseFile({ cases, persons }, callerOf(session), caseId) };
      }
      if (method === 'GET' && caseMatch[2] === '/graph') {
        const session = await signedIn(request, false);
        const view = query.get('view') === 'cluster' ? 'cluster' : 'chain';
        return { status: 200, body: await drawCase({ cases, persons }, callerOf(session), caseId, view) };
      }
      if (method === 'POST' && caseMatch[2] === '/contacts') {
        const session = await signedIn(request, true);
        const { contacts } = parseInput(contactsEntrySchema, await jsonBody(request), 'contacts');
        const found = await cases.getCase(callerOf(session), caseId);
        const outcomes = await withFormFields(
          cases.recordContacts(
            callerOf(session),
            found.personId,
            contactsToRecord(contacts, found, districtOf),
          ),
          contactFormField,
        );
        logger.info({ user: session.username, case: caseId, contacts: contacts.length }, 'contacts recorded');
        return { status: 200, body: { outcomes } };
      }
    }
    throw new HttpError(404, 'NOT_FOUND', `no ${method} ${urlPath}`);
  };

  const servePage = async (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    urlPath: string,
  ): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      throw new HttpError(405, 'GET_ONLY', 'pages are read only');
    if (!options.webDir) throw new HttpError(404, 'NOT_FOUND', `no ${urlPath}`);
    const file = await webFile(options.webDir, urlPath);
    response
      .writeHead(200, {
        'content-type': file.type,
        'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'same-origin',
      })
      .end(request.method === 'HEAD' ? undefined : file.body);
  };

  return http.createServer((request, response) => {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://console');
    } catch {
      // A request line no browser sends: answered, never thrown (it would end the process).
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request');
      return;
    }
    const urlPath = url.pathname;
    const send = (reply: Reply): void => {
      const headers: http.OutgoingHttpHeaders = {
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'same-origin',
      };
      if (reply.cookie) headers['set-cookie'] = reply.cookie;
      if (reply.body === undefined) {
        response.writeHead(reply.status, headers).end();
        return;
      }
      headers['content-type'] = 'application/json; charset=utf-8';
      response.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
    };
    const handled = urlPath.startsWith('/api/')
      ? route(request, urlPath, url.searchParams).then(send)
      : servePage(request, response, urlPath);
    handled.catch((error: unknown) => {
      const known = errorResponse(error);
      if (known) {
        send(known);
        return;
      }
      logger.error({ err: error, path: urlPath, method: request.method }, 'console request failed');
      send({
        status: 500,
        body: { error: { code: 'INTERNAL', message: 'something went wrong', fields: [] } },
      });
    });
  });
}
