import { describe, expect, it } from '@jest/globals';
import { scryptSync } from 'node:crypto';
import { hashPassword, outdated, verifyPassword } from './passwords';

describe('passwords', () => {
  it('keeps a salted scrypt hash that verifies the password and nothing else', async () => {
    const hash = await hashPassword('Tram-y-te-An-Binh-2021');
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(outdated(hash)).toBe(false);
    expect(hash).not.toContain('Tram-y-te');
    expect(await verifyPassword('Tram-y-te-An-Binh-2021', hash)).toBe(true);
    expect(await verifyPassword('Tram-y-te-An-Binh-2022', hash)).toBe(false);
    // The same password twice: two salts, two hashes.
    expect(await hashPassword('Tram-y-te-An-Binh-2021')).not.toBe(hash);
  });

  it('treats a composed and a decomposed Vietnamese password as the same', async () => {
    const composed = 'Cần Thơ mùa dịch';
    const hash = await hashPassword(composed);
    expect(await verifyPassword(composed.normalize('NFD'), hash)).toBe(true);
  });

  it('still verifies a hash made with the weaker settings of before, and says it is outdated', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('Tram-y-te-An-Binh-2021', salt, 32, { N: 16_384, r: 8, p: 1 });
    const old = ['scrypt', 16_384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await verifyPassword('Tram-y-te-An-Binh-2021', old)).toBe(true);
    expect(outdated(old)).toBe(true);
  });

  it('refuses a stored value that is not a hash it knows', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$2b$10$abc')).toBe(false);
  });
});
