/** A person's audit trail for the admin: every service's reads and changes of them, and its export. */
import { z } from 'zod';
import { DomainError } from '@truyvet/errors';
import { auditCsv } from '../../../app/audit-csv';
import { callerOf, parseInput } from '../../../app/users';
import type { Route, Services } from './route';

const auditQuery = z.object({
  personId: z
    .string()
    .trim()
    .regex(/^[\w./-]{1,100}$/, 'a person id such as p-0123abcd'),
  since: z.iso.datetime({ offset: true, message: 'an RFC 3339 time' }).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export function auditRoutes({ audit, logger }: Services): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/audit',
      handle: async (call) => {
        const session = await call.signedIn(false);
        // The services refuse anyone else too; said here before four calls are made.
        if (session.role !== 'admin')
          throw new DomainError('ADMINS_ONLY', 'forbidden', 'the audit trail is for admins');
        const asked = parseInput(auditQuery, Object.fromEntries(call.query), 'audit query');
        const { entries, cutAt } = await audit.trailOf(callerOf(session), asked.personId, asked.since);
        logger.info(
          { by: session.username, personId: asked.personId, entries: entries.length },
          'audit trail read',
        );
        if (asked.format === 'json')
          return { status: 200, body: { personId: asked.personId, entries, ...(cutAt ? { cutAt } : {}) } };
        return {
          status: 200,
          file: {
            contentType: 'text/csv; charset=utf-8',
            name: `audit-${asked.personId.replace(/[^\w-]/g, '_')}.csv`,
            content: auditCsv(entries),
          },
        };
      },
    },
  ];
}
