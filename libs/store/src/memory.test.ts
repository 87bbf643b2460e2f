import { describeStoreContract, type SampleState } from './contract';
import { InMemoryAggregateStore } from './memory';

let n = 0;
describeStoreContract('in-memory', () =>
  Promise.resolve({
    store: (onSaved) => new InMemoryAggregateStore<SampleState>(`samples-${n++}`, onSaved),
    close: () => Promise.resolve(),
  }),
);
