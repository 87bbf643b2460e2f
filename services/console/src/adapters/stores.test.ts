import { describeAccountStoresContract } from './stores-contract';
import { InMemorySessionStore, InMemoryUserStore } from './stores';

describeAccountStoresContract('in memory', () =>
  Promise.resolve({
    users: new InMemoryUserStore(),
    sessions: new InMemorySessionStore(),
    close: () => Promise.resolve(),
  }),
);
