import { afterAll } from '@jest/globals';
import {
  connectMongo,
  KeyIndex,
  MongoAggregateStore,
  type KeyIndexState,
  type MongoConnection,
} from '@truyvet/store';
import { describeWithInfra, uniqueName } from '../../../../test/harness';
import { MongoDocuments, mongoStates } from './documents';
import { describeQueryContract } from './queries-contract';

describeWithInfra('case-graph queries on FerretDB', (infra) => {
  let mongo: MongoConnection | undefined;
  afterAll(async () => {
    await mongo?.db.dropDatabase();
    await mongo?.close();
  });
  describeQueryContract('MongoDB wire', async () => {
    mongo = await connectMongo(infra.mongoUri, uniqueName('case-graph-queries'));
    const db = mongo.db;
    const withStates = <S>(name: string) => {
      const store = new MongoAggregateStore<S>(db, name);
      return Object.assign(store, { states: mongoStates(store) });
    };
    return {
      records: withStates('records'),
      tasks: withStates('tasks'),
      waiting: withStates('waiting'),
      directory: new MongoDocuments(db, 'directory'),
      households: new KeyIndex(new MongoAggregateStore<KeyIndexState>(db, 'household_members')),
    };
  });
});
