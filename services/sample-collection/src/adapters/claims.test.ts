import { describeClaimsContract } from './claims-contract';
import { InMemoryClaims } from './claims';

describeClaimsContract('in memory', () =>
  Promise.resolve({ claims: () => new InMemoryClaims(), close: () => Promise.resolve() }),
);
