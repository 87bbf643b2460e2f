import { describe, expect, it } from '@jest/globals';
import { scryptSync } from 'node:crypto';
import { DomainError } from '@truyvet/errors';
import { InMemorySessionStore, InMemoryUserStore } from '../adapters/stores';
import { AccountDesk, SESSION_HOURS, SESSION_IDLE_MINUTES, storedSessionId } from './accounts';

const clock = { now: new Date('2021-08-20T07:00:00+07:00') };
const desk = () =>
  new AccountDesk(
    new InMemoryUserStore(),
    new InMemorySessionStore(),
    ({ code }) => code !== '00000',
    () => clock.now,
  );

const ward = {
  username: 'tyt-an-binh',
  displayName: 'Tổ COVID An Bình',
  password: 'an-binh-mat-khau',
  role: 'ward_team',
  jurisdiction: { level: 'ward', code: '31153' },
};

async function withAdmin(accounts: AccountDesk) {
  await accounts.ensureUsers([
    {
      username: 'admin',
      displayName: 'Quản trị',
      password: 'quan-tri-vien-2021',
      role: 'admin',
      jurisdiction: { level: 'city', code: '92' },
      createdBy: 'install',
    },
  ]);
  return accounts.signIn({ username: 'admin', password: 'quan-tri-vien-2021' });
}

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof DomainError ? [error.kind, error.code] : error;
};

describe('AccountDesk', () => {
  it('adds a user an admin enters, who then signs in into their role and area', async () => {
    const accounts = desk();
    const admin = await withAdmin(accounts);
    const view = await accounts.addUser(admin, { ...ward, username: '  TYT-An-Binh ' });
    expect(view).toEqual({
      username: 'tyt-an-binh',
      displayName: 'Tổ COVID An Bình',
      role: 'ward_team',
      jurisdiction: { level: 'ward', code: '31153' },
      createdBy: 'admin',
      createdAt: clock.now.toISOString(),
    });
    const session = await accounts.signIn({ username: 'tyt-an-binh', password: 'an-binh-mat-khau' });
    expect(session).toMatchObject({ role: 'ward_team', jurisdiction: { level: 'ward', code: '31153' } });
    expect(session.id).not.toBe(session.csrfToken);
  });

  it('refuses an unknown area, a taken username, and a user added by a non-admin', async () => {
    const accounts = desk();
    const admin = await withAdmin(accounts);
    expect(
      await codeOf(accounts.addUser(admin, { ...ward, jurisdiction: { level: 'ward', code: '00000' } })),
    ).toEqual(['invalid', 'UNKNOWN_AREA']);
    await accounts.addUser(admin, ward);
    expect(await codeOf(accounts.addUser(admin, ward))).toEqual(['already_exists', 'USERNAME_TAKEN']);
    const team = await accounts.signIn({ username: ward.username, password: ward.password });
    expect(await codeOf(accounts.addUser(team, { ...ward, username: 'another' }))).toEqual([
      'forbidden',
      'ADMIN_ONLY',
    ]);
    expect(await codeOf(accounts.listUsers(team))).toEqual(['forbidden', 'ADMIN_ONLY']);
  });

  it('ends a session after a shift, and at sign-out', async () => {
    const accounts = desk();
    const admin = await withAdmin(accounts);
    expect(await accounts.session(admin.id)).toMatchObject({ username: 'admin' });
    const later = new Date(clock.now.getTime() + SESSION_HOURS * 3_600_000);
    const saved = clock.now;
    clock.now = later;
    try {
      expect(await accounts.session(admin.id)).toBeNull();
    } finally {
      clock.now = saved;
    }
    // An expired session is removed: it stays gone when the clock is back.
    expect(await accounts.session(admin.id)).toBeNull();
    const again = await accounts.signIn({ username: 'admin', password: 'quan-tri-vien-2021' });
    await accounts.signOut(again.id);
    expect(await accounts.session(again.id)).toBeNull();
  });

  it('keeps a session under the hash of its id, and ends one left idle', async () => {
    const store = new InMemorySessionStore();
    const accounts = new AccountDesk(
      new InMemoryUserStore(),
      store,
      () => true,
      () => clock.now,
    );
    const admin = await withAdmin(accounts);
    // What the store holds would not sign anybody in: the id is not a key there.
    expect(await store.get(admin.id)).toBeNull();
    expect(await store.get(storedSessionId(admin.id))).toMatchObject({ username: 'admin' });
    const saved = clock.now;
    try {
      // Used every 20 minutes: still signed in after an hour.
      for (let i = 1; i <= 3; i++) {
        clock.now = new Date(saved.getTime() + i * 20 * 60_000);
        expect(await accounts.session(admin.id)).toMatchObject({ username: 'admin', id: admin.id });
      }
      // Then left alone longer than the idle limit: gone.
      clock.now = new Date(clock.now.getTime() + (SESSION_IDLE_MINUTES + 1) * 60_000);
      expect(await accounts.session(admin.id)).toBeNull();
    } finally {
      clock.now = saved;
    }
  });

  it('lets an admin disable a user, whose sessions end and who cannot sign in again', async () => {
    const accounts = desk();
    const admin = await withAdmin(accounts);
    await accounts.addUser(admin, ward);
    const wardSession = await accounts.signIn({ username: ward.username, password: ward.password });
    expect(await codeOf(accounts.disableUser(wardSession, 'admin'))).toEqual(['forbidden', 'ADMIN_ONLY']);
    expect(await codeOf(accounts.disableUser(admin, 'admin'))).toEqual(['conflict', 'NOT_YOURSELF']);
    expect(await accounts.disableUser(admin, ward.username)).toMatchObject({ disabledBy: 'admin' });
    expect(await accounts.session(wardSession.id)).toBeNull();
    // Answered as a wrong password: the form does not tell who exists or is disabled.
    expect(await codeOf(accounts.signIn({ username: ward.username, password: ward.password }))).toEqual([
      'unauthenticated',
      'SIGN_IN_FAILED',
    ]);
  });

  it('changes a password with the current one, ending the other sessions but not this one', async () => {
    const accounts = desk();
    const admin = await withAdmin(accounts);
    const elsewhere = await accounts.signIn({ username: 'admin', password: 'quan-tri-vien-2021' });
    expect(
      await codeOf(accounts.changePassword(admin, { current: 'doan-sai', next: 'mat-khau-moi-2021' })),
    ).toEqual(['invalid', 'WRONG_PASSWORD']);
    await accounts.changePassword(admin, { current: 'quan-tri-vien-2021', next: 'mat-khau-moi-2021' });
    expect(await accounts.session(admin.id)).toMatchObject({ username: 'admin' });
    expect(await accounts.session(elsewhere.id)).toBeNull();
    await expect(
      accounts.signIn({ username: 'admin', password: 'mat-khau-moi-2021' }),
    ).resolves.toMatchObject({
      username: 'admin',
    });
    expect(await codeOf(accounts.signIn({ username: 'admin', password: 'quan-tri-vien-2021' }))).toEqual([
      'unauthenticated',
      'SIGN_IN_FAILED',
    ]);
    // Every session of a user, ended by the admin (or the user); not by another user.
    expect(await accounts.revokeSessions(admin, 'admin')).toBe(2);
    expect(await accounts.session(admin.id)).toBeNull();
  });

  it('makes a username wait after 5 wrong passwords from one address, even for the right one, and not elsewhere', async () => {
    const accounts = desk();
    await withAdmin(accounts);
    const wrong = { username: 'admin', password: 'doan-mat-khau' };
    for (let i = 0; i < 5; i++)
      expect(await codeOf(accounts.signIn(wrong, '203.0.113.5'))).toEqual([
        'unauthenticated',
        'SIGN_IN_FAILED',
      ]);
    const right = { username: 'admin', password: 'quan-tri-vien-2021' };
    expect(await codeOf(accounts.signIn(right, '203.0.113.5'))).toEqual(['exhausted', 'SIGN_IN_THROTTLED']);
    expect((await accounts.signIn(right, '10.0.0.2')).username).toBe('admin');
    const saved = clock.now;
    clock.now = new Date(saved.getTime() + 15 * 60_000 + 1);
    try {
      expect((await accounts.signIn(right, '203.0.113.5')).username).toBe('admin');
    } finally {
      clock.now = saved;
    }
  });

  it('creates the first users only where their usernames are free', async () => {
    const accounts = desk();
    const first = {
      ...ward,
      role: 'ward_team' as const,
      jurisdiction: { level: 'ward' as const, code: '31153' },
      createdBy: 'install',
    };
    expect(await accounts.ensureUsers([first])).toEqual(['tyt-an-binh']);
    expect(await accounts.ensureUsers([{ ...first, password: 'another-password' }])).toEqual([]);
    // The first password still holds.
    expect((await accounts.signIn({ username: ward.username, password: ward.password })).username).toBe(
      'tyt-an-binh',
    );
  });
});

describe('password hashes made with weaker settings', () => {
  it('are replaced at the next sign-in, and the password still works', async () => {
    const users = new InMemoryUserStore();
    const accounts = new AccountDesk(
      users,
      new InMemorySessionStore(),
      () => true,
      () => clock.now,
    );
    await withAdmin(accounts);
    const admin = await users.find('admin');
    if (!admin) throw new Error('no admin');
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('quan-tri-vien-2021', salt, 32, { N: 16_384, r: 8, p: 1 });
    await users.replace({
      ...admin,
      passwordHash: ['scrypt', 16_384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$'),
    });
    await accounts.signIn({ username: 'admin', password: 'quan-tri-vien-2021' });
    expect((await users.find('admin'))?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
    // A hash that changed meanwhile (an admin set another) is left as it is.
    expect(await users.rehash('admin', 'scrypt$16384$8$1$old$old', 'scrypt$new')).toBe(false);
    expect((await users.find('admin'))?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
    await expect(
      accounts.signIn({ username: 'admin', password: 'quan-tri-vien-2021' }),
    ).resolves.toMatchObject({
      username: 'admin',
    });
  });
});
