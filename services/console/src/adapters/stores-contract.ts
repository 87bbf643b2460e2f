/**
 * What every user and session store must do, in memory and on the MongoDB-wire store alike: a
 * username is taken once, what is stored comes back as it was, a deleted session is gone.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Session, SessionStore, UserStore } from '../app/accounts';
import type { UserAccount } from '../app/users';

export function describeAccountStoresContract(
  name: string,
  make: () => Promise<{ users: UserStore; sessions: SessionStore; close: () => Promise<void> }>,
): void {
  describe(`console stores contract: ${name}`, () => {
    let stores: Awaited<ReturnType<typeof make>>;
    beforeAll(async () => {
      stores = await make();
    });
    afterAll(async () => {
      await stores.close();
    });

    const user = (username: string): UserAccount => ({
      username,
      displayName: 'Tổ COVID phường Cái Khế',
      role: 'ward_team',
      jurisdiction: { level: 'ward', code: '31120' },
      passwordHash: 'scrypt$16384$8$1$c2FsdA==$a2V5',
      createdBy: 'admin',
      createdAt: '2021-08-20T00:00:00.000Z',
    });

    it('takes a username once and gives the user back as stored', async () => {
      const name = `u-${randomUUID().slice(0, 8)}`;
      expect(await stores.users.insert(user(name))).toBe(true);
      expect(await stores.users.insert({ ...user(name), displayName: 'another' })).toBe(false);
      expect(await stores.users.find(name)).toEqual(user(name));
      expect(await stores.users.find(`${name}-not`)).toBeNull();
      expect((await stores.users.list()).filter((u) => u.username === name)).toEqual([user(name)]);
    });

    it('keeps a session until it is deleted', async () => {
      const session: Session = {
        id: randomUUID(),
        username: 'tyt-cai-khe',
        displayName: 'Tổ COVID phường Cái Khế',
        role: 'ward_team',
        jurisdiction: { level: 'ward', code: '31120' },
        csrfToken: randomUUID(),
        expiresAt: '2021-08-20T12:00:00.000Z',
      };
      await stores.sessions.put(session);
      expect(await stores.sessions.get(session.id)).toEqual(session);
      await stores.sessions.delete(session.id);
      expect(await stores.sessions.get(session.id)).toBeNull();
    });

    it('removes the sessions that have ended, and only those', async () => {
      const session = (expiresAt: string): Session => ({
        id: randomUUID(),
        username: 'ttyt-916',
        displayName: 'TTYT quận Ninh Kiều',
        role: 'district_center',
        jurisdiction: { level: 'district', code: '916' },
        csrfToken: randomUUID(),
        expiresAt,
      });
      const ended = session('2021-08-20T11:59:59.999Z');
      const endsNow = session('2021-08-20T12:00:00.000Z');
      const live = session('2021-08-20T12:00:00.001Z');
      for (const s of [ended, endsNow, live]) await stores.sessions.put(s);
      expect(await stores.sessions.deleteExpired('2021-08-20T12:00:00.000Z')).toBeGreaterThanOrEqual(2);
      expect(await stores.sessions.get(ended.id)).toBeNull();
      expect(await stores.sessions.get(endsNow.id)).toBeNull();
      expect(await stores.sessions.get(live.id)).toEqual(live);
    });

    it('sets a password hash only over the one it was read with', async () => {
      const name = `u-${randomUUID().slice(0, 8)}`;
      await stores.users.insert(user(name));
      const was = (await stores.users.find(name))?.passwordHash ?? '';
      expect(await stores.users.rehash(name, was, 'scrypt$new')).toBe(true);
      expect(await stores.users.rehash(name, was, 'scrypt$newer')).toBe(false);
      expect((await stores.users.find(name))?.passwordHash).toBe('scrypt$new');
    });

    it('rewrites a user, and ends every session of one user and only theirs', async () => {
      const name = `u-${randomUUID().slice(0, 8)}`;
      await stores.users.insert(user(name));
      await stores.users.replace({
        ...user(name),
        disabledAt: '2021-08-20T12:00:00.000Z',
        disabledBy: 'admin',
      });
      expect(await stores.users.find(name)).toMatchObject({ disabledBy: 'admin' });
      const of = (username: string): Session => ({
        id: randomUUID(),
        username,
        displayName: username,
        role: 'ward_team',
        jurisdiction: { level: 'ward', code: '31117' },
        csrfToken: randomUUID(),
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
      const mine = [of(name), of(name)];
      const theirs = of(`${name}-other`);
      for (const s of [...mine, theirs]) await stores.sessions.put(s);
      expect(await stores.sessions.deleteOfUser(name)).toBe(2);
      for (const s of mine) expect(await stores.sessions.get(s.id)).toBeNull();
      expect(await stores.sessions.get(theirs.id)).toEqual(theirs);
    });
  });
}
