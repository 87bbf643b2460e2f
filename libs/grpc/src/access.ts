/**
 * Who may call which method, as data: every method a server serves has its entry (a method
 * without one is refused at registration), and the server checks the caller's role against it
 * before the request is even read. The area a method checks the caller against is said in words
 * (the handler checks it, against the record or area the request names).
 */
import { DomainError } from '@truyvet/errors';
import type { Caller, Role } from './auth';

/**
 * What a method checks the caller's area against, as data (the generated area test reads it):
 * - `subject`: the area of what the request names (a person, case, tube, box, task, facility);
 *   another area's caller is refused or told it is not found;
 * - `asked`: the area the request asks for (default: the caller's own); another's is refused;
 * - `rows`: each streamed row's person or place, row by row (a row of another area is refused
 *   with its own answer, the call goes on);
 * - `withheld`: answers what lies in the caller's area and says how much it left out;
 * - `own`: the caller's own area, whatever the request says;
 * - `lab`: the lab the box or tube was sent to;
 * - `city`: city-wide roles only, no area below the city;
 * - `none`: no personal data.
 */
export type AreaCheck = 'subject' | 'asked' | 'rows' | 'withheld' | 'own' | 'lab' | 'city' | 'none';

export interface MethodAccess {
  roles: readonly Role[];
  /** What the caller's area is checked against (see AreaCheck). */
  area: AreaCheck;
  /** The same in the users' words: which area exactly. */
  note: string;
}

/** Full method path (`/truyvet.cases.v1.Cases/GetCase`) -> who may call it. */
export type AccessTable = Readonly<Record<string, MethodAccess>>;

/** The same roles and area for several methods of one service: `{ GetCase: ..., ListCases: ... }`. */
export function accessOf(
  service: string,
  methods: Readonly<Record<string, MethodAccess>>,
): Record<string, MethodAccess> {
  return Object.fromEntries(
    Object.entries(methods).map(([method, access]) => [`/${service}/${method}`, access]),
  );
}

/** Throws PERMISSION_DENIED unless the table lets the caller's role call the method. */
export function requireAccess(table: AccessTable, method: string, caller: Caller): void {
  const entry = table[method];
  if (!entry)
    throw new DomainError('METHOD_NOT_IN_ACCESS_TABLE', 'forbidden', `${method} is not open to anyone`);
  if (entry.roles.includes(caller.role)) return;
  throw new DomainError(
    'ROLE_NOT_ALLOWED',
    'forbidden',
    `role ${caller.role} may not call ${method} (allowed: ${entry.roles.join(', ') || 'none'})`,
  );
}
