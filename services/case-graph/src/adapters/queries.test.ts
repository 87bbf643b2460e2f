import { InMemoryAggregateStore, KeyIndex, type KeyIndexState } from '@truyvet/store';
import { InMemoryDocuments, inMemoryStates } from './documents';
import { describeQueryContract } from './queries-contract';

function withStates<S>(name: string) {
  const store = new InMemoryAggregateStore<S>(name);
  return Object.assign(store, { states: inMemoryStates(store) });
}

describeQueryContract('in memory', () =>
  Promise.resolve({
    records: withStates('records'),
    tasks: withStates('tasks'),
    waiting: withStates('waiting'),
    directory: new InMemoryDocuments(),
    households: new KeyIndex(new InMemoryAggregateStore<KeyIndexState>('household_members')),
  }),
);
