import { isDeepStrictEqual } from 'node:util';
import type { Documents } from '@truyvet/store';
import type { FactChange } from '../domain/facts';
import type { FactCollections } from './ports';

/**
 * Applies what events do to the facts: read the fact, evolve it, write it back when it changed.
 * Each fact is touched only by the events of one partition, which the bus hands over one at a
 * time, so read-then-write needs no lock; a redelivered event evolves the fact to what it is.
 */
export class Projection {
  constructor(private readonly facts: FactCollections) {}

  async apply(changes: readonly FactChange[]): Promise<void> {
    for (const change of changes) {
      // The kind picks the collection the evolve function is typed for (FactChange pairs them).
      const documents = this.facts[change.kind] as Documents<{ _id: string }>;
      const evolve = change.evolve as (fact: { _id: string } | null) => { _id: string } | null;
      const before = await documents.get(change.id);
      const after = evolve(before);
      if (after === null || isDeepStrictEqual(before, after)) continue;
      await documents.put(after);
    }
  }
}
