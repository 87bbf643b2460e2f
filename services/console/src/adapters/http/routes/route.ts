/** What a route of the gateway is given, and what it answers. */
import type http from 'node:http';
import type { Logger } from '@truyvet/log';
import type { AdminUnits } from '@truyvet/geo';
import type { AccountDesk, Session } from '../../../app/accounts';
import type { AuditApi } from '../../audit';
import type { CaseGraph } from '../../cases';
import type { LabApi } from '../../lab';
import type { PersonApi } from '../../persons';
import type { ReportApi } from '../../reports';
import type { SampleApi } from '../../samples';
import type { sessions } from '../sessions';

export interface Reply {
  status: number;
  body?: unknown;
  /** A download instead of JSON (an export). */
  file?: { contentType: string; name: string; content: string };
  cookie?: string;
}

/** One request as a route sees it. */
export interface Call {
  request: http.IncomingMessage;
  query: URLSearchParams;
  /** The route pattern's groups, as sent (still percent-encoded). */
  params: string[];
  /** The signed-in user's session; for a change (`true`), also proven by its CSRF token. */
  signedIn(change: boolean): Promise<Session>;
  /** The JSON body (at most 64 KiB, and only as application/json). */
  body(): Promise<unknown>;
}

/** The services' APIs the console calls on the user's behalf, its accounts, the city's units. */
export interface ServiceApis {
  accounts: AccountDesk;
  cases: CaseGraph;
  persons: PersonApi;
  samples: SampleApi;
  reports: ReportApi;
  lab: LabApi;
  /** Every service's trail of reads and changes of a person (admins). */
  audit: AuditApi;
  /** The province's districts and wards: a ward's district, the names the pages show. */
  units: AdminUnits;
  logger: Logger;
}

/** What the routes work with: the APIs, the sessions, and the districts of wards. */
export interface Services extends ServiceApis {
  sessions: ReturnType<typeof sessions>;
  /** The district of a ward. */
  districtOf(ward: string): string | undefined;
  /** The district a change is made in: the user's own, or the ward's. */
  districtFor(session: Session, wardCode?: string): string | undefined;
  /** The browser's address (through the deployment's trusted proxies). */
  clientAddress(request: http.IncomingMessage): string;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** The exact path, or a pattern whose groups become the call's params. */
  path: string | RegExp;
  handle(call: Call): Promise<Reply>;
}
