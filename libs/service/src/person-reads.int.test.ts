import { expect, it } from '@jest/globals';
import type { Caller } from '@truyvet/grpc';
import { connectMongo } from '@truyvet/store';
import { describeWithInfra, uniqueName } from '../../../test/harness';
import { MongoPersonReadTrail } from './person-reads';

describeWithInfra('the read audit on a real server', (infra) => {
  it('records each read of a batch that one record too large cannot go in with, and fails only that answer', async () => {
    const conn = await connectMongo(infra.mongoUri, uniqueName('person-reads'));
    try {
      const trail = new MongoPersonReadTrail(conn.db);
      const caller: Caller = { sub: 'city-ops', role: 'city', jurisdiction: { level: 'city', code: '92' } };
      const read = (correlationId: string, personIds: string[]) =>
        trail.record({
          at: new Date(),
          method: '/t.v1.T/Get',
          kind: 'read',
          caller,
          correlationId,
          personIds,
        });
      // The first goes out at once; the two asked for meanwhile go together, one of them past
      // the 16 MB a document may hold.
      const answers = await Promise.allSettled([
        read('c-1', ['p-1']),
        read('c-2', ['p-2', 'x'.repeat(17 * 1024 * 1024)]),
        read('c-3', ['p-3']),
      ]);
      expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await trail.readsOf('p-3', { limit: 5 })).map((r) => r.correlationId)).toEqual(['c-3']);
      expect(await trail.readsOf('p-2', { limit: 5 })).toEqual([]);
    } finally {
      await conn.db.dropDatabase();
      await conn.close();
    }
  });
});
