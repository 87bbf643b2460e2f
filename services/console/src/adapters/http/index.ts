/**
 * The console's HTTP gateway: sign-in and sessions, the admin's users, and the services' APIs
 * called on the signed-in user's behalf, as a table of routes by area (./routes); sessions and
 * CSRF in ./sessions, the built pages in ./pages, errors as the pages read them in ./errors. Who
 * the user is and what they may do comes from the server-side session only; the browser holds a
 * random session id (HttpOnly cookie) and proves each change with the session's CSRF token.
 */
import http from 'node:http';
import type { Session } from '../../app/accounts';
import { errorResponse, HttpError } from './errors';
import { servePage } from './pages';
import { accountRoutes } from './routes/accounts';
import { auditRoutes } from './routes/audit';
import { caseRoutes } from './routes/cases';
import { labRoutes } from './routes/lab';
import { reportRoutes } from './routes/reports';
import type { Call, Reply, Route, ServiceApis, Services } from './routes/route';
import { sampleRoutes } from './routes/samples';
import { clientAddress, sessions } from './sessions';

export { CSRF_HEADER, sessionCookieName } from './sessions';

const MAX_BODY_BYTES = 64 * 1024;

export interface GatewayOptions extends ServiceApis {
  /** `Secure` on the session cookie: on wherever the console is served over HTTPS (default). */
  secureCookies?: boolean;
  /** The built pages (web/dist), served for every path outside /api. */
  webDir?: string;
  /** The addresses of the deployment's own reverse proxies, whose X-Forwarded-For is believed. */
  trustedProxies?: readonly string[];
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

/** The route for a method and path, with the path's groups. */
function findRoute(
  routes: readonly Route[],
  method: string,
  urlPath: string,
): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    if (typeof route.path === 'string') {
      if (route.path === urlPath) return { route, params: [] };
      continue;
    }
    const match = route.path.exec(urlPath);
    if (match) return { route, params: match.slice(1) };
  }
  return undefined;
}

export function createGateway(options: GatewayOptions): http.Server {
  const { accounts, units, logger } = options;
  const districtOf = (ward: string): string | undefined => units.ward(ward)?.parentCode ?? undefined;
  const services: Services = {
    ...options,
    sessions: sessions(accounts, options.secureCookies ?? true),
    clientAddress: (request) => clientAddress(request, options.trustedProxies ?? []),
    districtOf,
    districtFor: (session: Session, wardCode?: string) => {
      const { level, code } = session.jurisdiction;
      if (level === 'district') return code;
      const ward = wardCode ?? (level === 'ward' ? code : undefined);
      return ward ? districtOf(ward) : undefined;
    },
  };
  const routes: Route[] = [
    ...accountRoutes(services),
    ...sampleRoutes(services),
    ...reportRoutes(services),
    ...labRoutes(services),
    ...caseRoutes(services),
    ...auditRoutes(services),
  ];

  const answer = async (
    request: http.IncomingMessage,
    urlPath: string,
    query: URLSearchParams,
  ): Promise<Reply> => {
    const method = request.method ?? 'GET';
    const found = findRoute(routes, method, urlPath);
    if (!found) throw new HttpError(404, 'NOT_FOUND', `no ${method} ${urlPath}`);
    const call: Call = {
      request,
      query,
      params: found.params,
      signedIn: (change) => services.sessions.signedIn(request, change),
      body: () => jsonBody(request),
    };
    return found.route.handle(call);
  };

  const secure = options.secureCookies ?? true;
  return http.createServer((request, response) => {
    // Served over HTTPS (secure cookies): the browser is told to come back only that way.
    if (secure) response.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
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
      if (reply.file) {
        headers['content-type'] = reply.file.contentType;
        headers['content-disposition'] = `attachment; filename="${reply.file.name}"`;
        response.writeHead(reply.status, headers).end(reply.file.content);
        return;
      }
      if (reply.body === undefined) {
        response.writeHead(reply.status, headers).end();
        return;
      }
      headers['content-type'] = 'application/json; charset=utf-8';
      response.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
    };
    const handled = urlPath.startsWith('/api/')
      ? answer(request, urlPath, url.searchParams).then(send)
      : servePage(options.webDir, request, response, urlPath);
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
