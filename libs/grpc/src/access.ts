/**
 * Who may call which method, as data: every method a server serves has its entry (a method
 * without one is refused at registration), and the server checks the caller's role against it
 * before the request is even read. The area a method checks the caller against is said in words
 * (the handler checks it, against the record or area the request names).
 */
import { DomainError } from '@truyvet/errors';
import type { Caller, Role } from './auth';

export interface MethodAccess {
  roles: readonly Role[];
  /** What the caller's area is checked against. */
  area: string;
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
