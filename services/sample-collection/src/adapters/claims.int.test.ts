import { randomUUID } from 'node:crypto';
import { connectMongo } from '@truyvet/store';
import { describeWithInfra, uniqueName } from '../../../../test/harness';
import { describeClaimsContract } from './claims-contract';
import { MongoClaims } from './claims';

describeWithInfra('claims on FerretDB', (infra) => {
  describeClaimsContract('MongoDB wire', async () => {
    const mongo = await connectMongo(infra.mongoUri, uniqueName('claims'));
    return {
      // Every owner exists: no claim here is an orphan.
      claims: () =>
        new MongoClaims(mongo.db, `claims-${randomUUID().slice(0, 8)}`, () => Promise.resolve(true)),
      close: async () => {
        await mongo.db.dropDatabase();
        await mongo.close();
      },
    };
  });
});
