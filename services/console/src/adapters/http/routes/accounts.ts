/** Signing in and out, and the admin's users. */
import type { Route, Services } from './route';
import { requireSameOrigin } from '../sessions';

export function accountRoutes({ accounts, logger, sessions, clientAddress }: Services): Route[] {
  const { sessionCookie, sessionView } = sessions;
  return [
    {
      method: 'POST',
      path: '/api/session',
      handle: async (call) => {
        requireSameOrigin(call.request);
        const session = await accounts.signIn(await call.body(), clientAddress(call.request));
        const maxAge = Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000);
        logger.info({ user: session.username, role: session.role }, 'signed in');
        return { status: 200, body: sessionView(session), cookie: sessionCookie(session.id, maxAge) };
      },
    },
    {
      method: 'GET',
      path: '/api/session',
      handle: async (call) => ({ status: 200, body: sessionView(await call.signedIn(false)) }),
    },
    {
      method: 'DELETE',
      path: '/api/session',
      handle: async (call) => {
        const session = await call.signedIn(true);
        await accounts.signOut(session.id);
        return { status: 204, cookie: sessionCookie('', 0) };
      },
    },
    {
      method: 'GET',
      path: '/api/users',
      handle: async (call) => ({
        status: 200,
        body: { users: await accounts.listUsers(await call.signedIn(false)) },
      }),
    },
    {
      method: 'POST',
      path: '/api/users',
      handle: async (call) => {
        const session = await call.signedIn(true);
        const user = await accounts.addUser(session, await call.body());
        logger.info({ by: session.username, user: user.username, role: user.role }, 'user added');
        return { status: 201, body: { user } };
      },
    },
    {
      method: 'POST',
      path: /^\/api\/users\/([a-z0-9._-]{3,32})\/disable$/,
      handle: async (call) => {
        const session = await call.signedIn(true);
        const username = call.params[0] ?? '';
        const user = await accounts.disableUser(session, username);
        logger.info({ by: session.username, user: username }, 'user disabled, sessions ended');
        return { status: 200, body: { user } };
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/users\/([a-z0-9._-]{3,32})\/sessions$/,
      handle: async (call) => {
        const session = await call.signedIn(true);
        const username = call.params[0] ?? '';
        const ended = await accounts.revokeSessions(session, username);
        logger.info({ by: session.username, user: username, ended }, 'sessions ended');
        return { status: 200, body: { ended } };
      },
    },
    {
      method: 'POST',
      path: '/api/password',
      handle: async (call) => {
        const session = await call.signedIn(true);
        await accounts.changePassword(session, await call.body());
        logger.info({ user: session.username }, 'password changed, other sessions ended');
        return { status: 204 };
      },
    },
  ];
}
