import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from '@truyvet/store';
import type { UserAccount } from '../app/users';
import type { Session, SessionStore, UserStore } from '../app/accounts';

export class InMemoryUserStore implements UserStore {
  private readonly users = new Map<string, UserAccount>();
  find(username: string): Promise<UserAccount | null> {
    return Promise.resolve(this.users.get(username) ?? null);
  }
  insert(user: UserAccount): Promise<boolean> {
    if (this.users.has(user.username)) return Promise.resolve(false);
    this.users.set(user.username, structuredClone(user));
    return Promise.resolve(true);
  }
  replace(user: UserAccount): Promise<void> {
    this.users.set(user.username, structuredClone(user));
    return Promise.resolve();
  }
  rehash(username: string, was: string, hash: string): Promise<boolean> {
    const user = this.users.get(username);
    if (user?.passwordHash !== was) return Promise.resolve(false);
    this.users.set(username, { ...user, passwordHash: hash });
    return Promise.resolve(true);
  }
  list(): Promise<UserAccount[]> {
    return Promise.resolve([...this.users.values()].map((u) => structuredClone(u)));
  }
}

export class InMemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();
  put(session: Session): Promise<void> {
    this.sessions.set(session.id, structuredClone(session));
    return Promise.resolve();
  }
  get(id: string): Promise<Session | null> {
    const session = this.sessions.get(id);
    return Promise.resolve(session ? structuredClone(session) : null);
  }
  delete(id: string): Promise<void> {
    this.sessions.delete(id);
    return Promise.resolve();
  }
  deleteOfUser(username: string): Promise<number> {
    let removed = 0;
    for (const [id, session] of this.sessions)
      if (session.username === username) {
        this.sessions.delete(id);
        removed++;
      }
    return Promise.resolve(removed);
  }
  deleteExpired(now: string): Promise<number> {
    let removed = 0;
    for (const [id, session] of this.sessions)
      if (session.expiresAt <= now) {
        this.sessions.delete(id);
        removed++;
      }
    return Promise.resolve(removed);
  }
}

type UserDocument = Omit<UserAccount, 'username'> & { _id: string };
type SessionDocument = Omit<Session, 'id'> & { _id: string };

/** Users by username as `_id`: the unique `_id` decides between two admins adding one name. */
export class MongoUserStore implements UserStore {
  private readonly users: Collection<UserDocument>;
  constructor(db: Db) {
    this.users = db.collection<UserDocument>('console_users');
  }
  async find(username: string): Promise<UserAccount | null> {
    const found = await this.users.findOne({ _id: username });
    return found ? toUser(found) : null;
  }
  async insert(user: UserAccount): Promise<boolean> {
    const { username, ...rest } = user;
    try {
      await this.users.insertOne({ _id: username, ...rest });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
  async replace(user: UserAccount): Promise<void> {
    const { username, ...rest } = user;
    await this.users.replaceOne({ _id: username }, rest);
  }
  async rehash(username: string, was: string, hash: string): Promise<boolean> {
    const { modifiedCount } = await this.users.updateOne(
      { _id: username, passwordHash: was },
      { $set: { passwordHash: hash } },
    );
    return modifiedCount === 1;
  }
  async list(): Promise<UserAccount[]> {
    return (await this.users.find({}).toArray()).map(toUser);
  }
}

function toUser({ _id, ...rest }: UserDocument): UserAccount {
  return { username: _id, ...rest };
}

export class MongoSessionStore implements SessionStore {
  private readonly sessions: Collection<SessionDocument>;
  constructor(db: Db) {
    this.sessions = db.collection<SessionDocument>('console_sessions');
  }
  async put(session: Session): Promise<void> {
    const { id, ...rest } = session;
    await this.sessions.replaceOne({ _id: id }, rest, { upsert: true });
  }
  async get(id: string): Promise<Session | null> {
    const found = await this.sessions.findOne({ _id: id });
    if (!found) return null;
    const { _id, ...rest } = found;
    return { id: _id, ...rest };
  }
  async delete(id: string): Promise<void> {
    await this.sessions.deleteOne({ _id: id });
  }
  /** By username: an admin's action, rare (a scan on FerretDB 1.24 is fine for it). */
  async deleteOfUser(username: string): Promise<number> {
    return (await this.sessions.deleteMany({ username })).deletedCount;
  }
  /** ISO times in one zone compare as strings. (FerretDB has no TTL index to do this itself.) */
  async deleteExpired(now: string): Promise<number> {
    return (await this.sessions.deleteMany({ expiresAt: { $lte: now } })).deletedCount;
  }
}
