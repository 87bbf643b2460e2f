import { connectMongo } from '@truyvet/store';
import { describeWithInfra, uniqueName } from '../../../../test/harness';
import { describeAccountStoresContract } from './stores-contract';
import { MongoSessionStore, MongoUserStore } from './stores';

describeWithInfra('console stores on FerretDB', (infra) => {
  describeAccountStoresContract('MongoDB wire', async () => {
    const mongo = await connectMongo(infra.mongoUri, uniqueName('console'));
    return {
      users: new MongoUserStore(mongo.db),
      sessions: new MongoSessionStore(mongo.db),
      close: async () => {
        await mongo.db.dropDatabase();
        await mongo.close();
      },
    };
  });
});
