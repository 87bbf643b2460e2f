/**
 * What every Claims implementation must do (in memory and on the MongoDB-wire store alike): all
 * of a claim's keys or none, the first of two claimants wins, a batch decides in order, and a
 * claimant never lets go of a key it did not take.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Claims } from '../app/claims';

export function describeClaimsContract(
  name: string,
  make: () => Promise<{ claims: () => Claims; close: () => Promise<void> }>,
): void {
  describe(`Claims contract: ${name}`, () => {
    let factory: Awaited<ReturnType<typeof make>>;
    beforeAll(async () => {
      factory = await make();
    });
    afterAll(async () => {
      await factory.close();
    });
    const keys = (n: number): string[] => Array.from({ length: n }, () => `p-${randomUUID()}`);

    it('claims all keys or none, and names the holder of a taken one', async () => {
      const claims = factory.claims();
      const [a, b, c] = keys(3) as [string, string, string];
      expect(await claims.claim([a, b], 'pool-1')).toEqual({});
      expect(await claims.claim([c, b], 'pool-2')).toEqual({ heldBy: { key: b, owner: 'pool-1' } });
      // pool-2 got nothing, so c is still free.
      expect(await claims.claim([c], 'pool-3')).toEqual({});
      await claims.release([a, b], 'pool-1');
      expect(await claims.claim([a, b], 'pool-4')).toEqual({});
    });

    it('decides a batch in order: of two requests for one key the first wins', async () => {
      const claims = factory.claims();
      const [a, b, c, d] = keys(4) as [string, string, string, string];
      await claims.claim([d], 'earlier');
      const answers = await claims.claimEach([
        { keys: [a, b], owner: 'x' },
        { keys: [c, b], owner: 'y' },
        { keys: [c], owner: 'z' },
        { keys: [d, a], owner: 'w' },
      ]);
      expect(answers).toEqual([
        {},
        { heldBy: { key: b, owner: 'x' } },
        {},
        { heldBy: { key: d, owner: 'earlier' } },
      ]);
      expect(await claims.claim([c], 'v')).toEqual({ heldBy: { key: c, owner: 'z' } });
    });

    it('never releases a key held by a claimant of the same name', async () => {
      const claims = factory.claims();
      const [a, b] = keys(2) as [string, string];
      await claims.claim([a], 'tube-1');
      // The same tube claimed again with one more key: refused, and a stays claimed.
      expect((await claims.claim([b, a], 'tube-1')).heldBy?.key).toBe(a);
      expect(await claims.claim([a], 'other')).toEqual({ heldBy: { key: a, owner: 'tube-1' } });
      expect(await claims.claim([b], 'other')).toEqual({});
    });
  });
}
