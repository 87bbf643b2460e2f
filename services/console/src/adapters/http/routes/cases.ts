/** Tracing: the task queue, person search, who is isolated, a case's file, graph and contacts. */
import { callerOf, parseInput } from '../../../app/users';
import { contactsEntrySchema, personQuerySchema, taskOutcomeSchema } from '../../../app/forms';
import { contactFormField, contactsToRecord, drawCase, openCaseFile } from '../../../app/case-file';
import { withFormFields } from '../errors';
import type { Route, Services } from './route';

/** The most suggestions shown under a contact being typed. */
const MAX_SUGGESTIONS = 8;
/** The most people one isolation list shows (a ward's are far fewer; a district picks a ward). */
const MAX_LISTED = 500;

export function caseRoutes({ cases, persons, logger, districtOf }: Services): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/tasks',
      handle: async (call) => {
        const session = await call.signedIn(false);
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
      },
    },
    {
      method: 'GET',
      path: '/api/persons',
      handle: async (call) => {
        const session = await call.signedIn(false);
        const asked = parseInput(personQuerySchema, Object.fromEntries(call.query), 'person search');
        const found = await persons.find(callerOf(session), asked);
        return { status: 200, body: { persons: found.slice(0, MAX_SUGGESTIONS) } };
      },
    },
    {
      method: 'GET',
      path: '/api/isolation',
      handle: async (call) => {
        const session = await call.signedIn(false);
        const { level, code } = session.jurisdiction;
        // By default the user's own area; case-graph checks any other asked for.
        const wardCode = call.query.get('wardCode') ?? (level === 'ward' ? code : undefined);
        // A ward asked for is looked up in its own district, so case-graph refuses one outside the
        // user's area rather than answering an empty list.
        const districtCode =
          call.query.get('districtCode') ??
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
      },
    },
    {
      method: 'POST',
      path: /^\/api\/tasks\/([^/]+)\/claim$/,
      handle: async (call) => {
        const session = await call.signedIn(true);
        const taskId = decodeURIComponent(call.params[0] ?? '');
        return { status: 200, body: { task: await cases.claimTask(callerOf(session), taskId) } };
      },
    },
    {
      method: 'POST',
      path: /^\/api\/tasks\/([^/]+)\/complete$/,
      handle: async (call) => {
        const session = await call.signedIn(true);
        const taskId = decodeURIComponent(call.params[0] ?? '');
        const ending = parseInput(taskOutcomeSchema, await call.body(), 'task outcome');
        const task = await cases.completeTask(callerOf(session), { taskId, ...ending });
        logger.info({ user: session.username, task: taskId, outcome: ending.outcome }, 'task completed');
        return { status: 200, body: { task } };
      },
    },
    {
      method: 'GET',
      path: /^\/api\/cases\/([^/]+)$/,
      handle: async (call) => {
        const caseId = decodeURIComponent(call.params[0] ?? '');
        const session = await call.signedIn(false);
        return { status: 200, body: await openCaseFile({ cases, persons }, callerOf(session), caseId) };
      },
    },
    {
      method: 'GET',
      path: /^\/api\/cases\/([^/]+)\/graph$/,
      handle: async (call) => {
        const caseId = decodeURIComponent(call.params[0] ?? '');
        const session = await call.signedIn(false);
        const view = call.query.get('view') === 'cluster' ? 'cluster' : 'chain';
        return { status: 200, body: await drawCase({ cases, persons }, callerOf(session), caseId, view) };
      },
    },
    {
      method: 'POST',
      path: /^\/api\/cases\/([^/]+)\/contacts$/,
      handle: async (call) => {
        const caseId = decodeURIComponent(call.params[0] ?? '');
        const session = await call.signedIn(true);
        const { contacts } = parseInput(contactsEntrySchema, await call.body(), 'contacts');
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
      },
    },
  ];
}
