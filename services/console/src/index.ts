export { BUILT_PAGES, start, type Running, type StartingUsers } from './start';
export { configSchema, type Config } from './config';
export { CONSOLE_ROLES, type ConsoleRole, type UserView } from './app/users';
export { CSRF_HEADER, sessionCookieName } from './adapters/http';
