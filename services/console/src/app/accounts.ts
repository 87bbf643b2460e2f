import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@truyvet/errors';
import type { Jurisdiction } from '@truyvet/grpc';
import {
  decideNewUser,
  newUserSchema,
  parseInput,
  passwordChangeSchema,
  signInSchema,
  viewOf,
  type UserAccount,
  type UserView,
} from './users';
import { hashPassword, outdated, verifyPassword } from './passwords';
import { SignInThrottle } from './throttle';

/** Users by username. `insert` answers false when the username is taken (a unique key decides). */
export interface UserStore {
  find(username: string): Promise<UserAccount | null>;
  insert(user: UserAccount): Promise<boolean>;
  /** Writes a user that exists (a password changed, a user disabled). */
  replace(user: UserAccount): Promise<void>;
  /**
   * Sets a user's password hash only if it is still `was` (a rehash at sign-in must not undo a
   * change an admin made meanwhile); answers whether it did.
   */
  rehash(username: string, was: string, hash: string): Promise<boolean>;
  list(): Promise<UserAccount[]>;
}

/** A signed-in browser: kept on the server, named by a random id in a cookie. */
export interface Session {
  id: string;
  username: string;
  displayName: string;
  role: UserAccount['role'];
  jurisdiction: Jurisdiction;
  /** Lab staff: the lab they work for. */
  lab?: string;
  /** Sent back by the page in a header on every change (CSRF): a cross-site form cannot know it. */
  csrfToken: string;
  expiresAt: string;
  /** When the browser was last seen (ISO time): a session left idle too long ends. */
  lastSeenAt?: string;
}

export interface SessionStore {
  put(session: Session): Promise<void>;
  get(id: string): Promise<Session | null>;
  delete(id: string): Promise<void>;
  /** Removes every session of a user; answers how many. */
  deleteOfUser(username: string): Promise<number>;
  /** Removes the sessions that ended at or before `now` (ISO time); answers how many. */
  deleteExpired(now: string): Promise<number>;
}

/** A session lasts a working shift; signing in again starts a new one. */
export const SESSION_HOURS = 12;
/** A session nobody used for this long ends (a screen left open in a ward office). */
export const SESSION_IDLE_MINUTES = 30;
/** How stale the last-seen time may be before a request writes it again (not a write per request). */
const SEEN_EVERY_MS = 60_000;

/**
 * The key a session is stored under: the SHA-256 of its id, so the store (a backup, a dump) does
 * not hold ids that would sign anybody in.
 */
export function storedSessionId(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

const unauthenticated = (): DomainError =>
  new DomainError('SIGN_IN_FAILED', 'unauthenticated', 'wrong username or password');

export class AccountDesk {
  /** A hash to verify against when the username is unknown, so both failures take as long. */
  private readonly decoy = hashPassword(randomBytes(16).toString('hex'));
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly areaExists: (jurisdiction: Jurisdiction) => boolean,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.throttle = new SignInThrottle(now);
  }

  /** Signs in from an address (the browser's, as the gateway sees it: failures are counted by both). */
  async signIn(input: unknown, from = ''): Promise<Session> {
    const { username, password } = parseInput(signInSchema, input, 'sign-in');
    const wait = this.throttle.minutesLocked(username, from);
    if (wait > 0)
      throw new DomainError(
        'SIGN_IN_THROTTLED',
        'exhausted',
        `too many failed sign-ins: try again in ${String(wait)} minute${wait === 1 ? '' : 's'}`,
      );
    const user = await this.users.find(username);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await this.decoy));
    // A disabled user is answered as a wrong password: the form does not say who exists.
    if (!user || !matches || user.disabledAt !== undefined) {
      this.throttle.failed(username, from);
      throw unauthenticated();
    }
    this.throttle.succeeded(username, from);
    // A hash made with weaker settings than today's is replaced while the password is at hand.
    if (outdated(user.passwordHash))
      await this.users.rehash(user.username, user.passwordHash, await hashPassword(password));
    // Sessions nobody came back to (a laptop closed at the end of a shift) go now and then: here.
    await this.sessions.deleteExpired(this.now().toISOString());
    const now = this.now();
    const session: Session = {
      id: randomBytes(32).toString('base64url'),
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      jurisdiction: user.jurisdiction,
      ...(user.lab ? { lab: user.lab } : {}),
      csrfToken: randomBytes(32).toString('base64url'),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
      lastSeenAt: now.toISOString(),
    };
    await this.sessions.put({ ...session, id: storedSessionId(session.id) });
    return session;
  }

  /** The live session of this id, or null (unknown, expired or idle too long: such a one is removed). */
  async session(id: string | undefined): Promise<Session | null> {
    if (!id) return null;
    const key = storedSessionId(id);
    const stored = await this.sessions.get(key);
    if (!stored) return null;
    const now = this.now();
    const seen = Date.parse(stored.lastSeenAt ?? stored.expiresAt);
    if (stored.expiresAt <= now.toISOString() || now.getTime() - seen > SESSION_IDLE_MINUTES * 60_000) {
      await this.sessions.delete(key);
      return null;
    }
    if (now.getTime() - seen > SEEN_EVERY_MS)
      await this.sessions.put({ ...stored, lastSeenAt: now.toISOString() });
    return { ...stored, id };
  }

  async signOut(id: string): Promise<void> {
    await this.sessions.delete(storedSessionId(id));
  }

  async addUser(by: Session, input: unknown): Promise<UserView> {
    const wanted = parseInput(newUserSchema, input, 'user');
    const user = decideNewUser(by, wanted, await hashPassword(wanted.password), this.areaExists, this.now());
    if (!(await this.users.insert(user)))
      throw new DomainError('USERNAME_TAKEN', 'already_exists', `username ${user.username} is taken`, {
        fields: [{ field: 'username', description: 'already taken' }],
      });
    return viewOf(user);
  }

  /** An admin disables a user (not themselves): no more sign-ins, and every session of theirs ends. */
  async disableUser(by: Session, username: string): Promise<UserView> {
    if (by.role !== 'admin') throw new DomainError('ADMIN_ONLY', 'forbidden', 'only an admin disables users');
    if (by.username === username)
      throw new DomainError('NOT_YOURSELF', 'conflict', 'an admin does not disable themselves');
    const user = await this.users.find(username);
    if (!user) throw new DomainError('USER_NOT_FOUND', 'not_found', `no user ${username}`);
    const disabled: UserAccount = user.disabledAt
      ? user
      : { ...user, disabledAt: this.now().toISOString(), disabledBy: by.username };
    await this.users.replace(disabled);
    await this.sessions.deleteOfUser(username);
    return viewOf(disabled);
  }

  /**
   * A user changes their own password, proving the current one; every other session of theirs
   * ends (a browser left signed in elsewhere must sign in again with the new one).
   */
  async changePassword(session: Session, input: unknown): Promise<void> {
    const { current, next } = parseInput(passwordChangeSchema, input, 'password change');
    const user = await this.users.find(session.username);
    if (!user || !(await verifyPassword(current, user.passwordHash)))
      throw new DomainError('WRONG_PASSWORD', 'invalid', 'the current password is wrong', {
        fields: [{ field: 'current', description: 'wrong password' }],
      });
    await this.users.replace({ ...user, passwordHash: await hashPassword(next) });
    await this.sessions.deleteOfUser(session.username);
    await this.sessions.put({ ...session, id: storedSessionId(session.id) });
  }

  /** Ends every session of a user: an admin for anyone, a user for themselves. Answers how many. */
  async revokeSessions(by: Session, username: string): Promise<number> {
    if (by.role !== 'admin' && by.username !== username)
      throw new DomainError('ADMIN_ONLY', 'forbidden', "only an admin ends another user's sessions");
    return this.sessions.deleteOfUser(username);
  }

  async listUsers(by: Session): Promise<UserView[]> {
    if (by.role !== 'admin') throw new DomainError('ADMIN_ONLY', 'forbidden', 'only an admin lists users');
    return (await this.users.list()).map(viewOf).sort((a, b) => a.username.localeCompare(b.username));
  }

  /**
   * Creates the given users where their usernames are free (the first admin of a fresh install,
   * the demo accounts of the quick start). Answers those created.
   */
  async ensureUsers(
    users: ReadonlyArray<Omit<UserAccount, 'passwordHash' | 'createdAt'> & { password: string }>,
  ): Promise<string[]> {
    const created: string[] = [];
    for (const { password, ...user } of users) {
      if (await this.users.find(user.username)) continue;
      const account = {
        ...user,
        passwordHash: await hashPassword(password),
        createdAt: this.now().toISOString(),
      };
      if (await this.users.insert(account)) created.push(user.username);
    }
    return created;
  }
}
