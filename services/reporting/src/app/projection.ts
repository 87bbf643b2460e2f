import { isDeepStrictEqual } from 'node:util';
import type { Documents } from '@truyvet/store';
import { doseChangesOf, type FactChange, type PersonFact } from '../domain/facts';
import type { FactCollections } from './ports';

/**
 * Applies what events do to the facts: read the fact, evolve it, write it back when it changed.
 * Each fact is touched only by the events of one key, which the bus hands over one at a time
 * (keys side by side, one key's events in order), so read-then-write needs no lock; a redelivered
 * event evolves the fact to what it is.
 * The dose tallies are counts, not facts one event sets: each person change adds its own
 * insert-only document of what it changed (see `DoseTally`).
 */
export class Projection {
  constructor(private readonly facts: FactCollections) {}

  async apply(changes: readonly FactChange[]): Promise<void> {
    // Facts an event changes are independent of each other: their reads and writes go out side by
    // side (one wait, not one per fact); changes to one fact stay in order.
    const byFact = new Map<string, FactChange[]>();
    for (const change of changes) {
      const key = `${change.kind}|${change.id}`;
      byFact.set(key, [...(byFact.get(key) ?? []), change]);
    }
    await Promise.all([...byFact.values()].map((ofOneFact) => this.applyInOrder(ofOneFact)));
  }

  private async applyInOrder(changes: readonly FactChange[]): Promise<void> {
    for (const change of changes) {
      // The kind picks the collection the evolve function is typed for (FactChange pairs them).
      const documents = this.facts[change.kind] as Documents<{ _id: string }>;
      const evolve = change.evolve as (fact: { _id: string } | null) => { _id: string } | null;
      // Twice at most: a new fact found there after all (another instance wrote it meanwhile, in a
      // rebalance) is read and evolved again, not overwritten.
      for (let attempt = 1; attempt <= 2; attempt++) {
        const before = await documents.get(change.id);
        const after = evolve(before);
        if (after === null || isDeepStrictEqual(before, after)) break;
        if (change.kind === 'persons' && change.eventId !== undefined)
          // Before the person: a crash in between redelivers the event, which finds the person as
          // before and records the same changes again, refused by their ids (nothing counted twice).
          await this.facts.doseChanges.insert(
            doseChangesOf(before as PersonFact | null, after as PersonFact, change.eventId),
          );
        if (before !== null || attempt === 2) {
          await documents.put(after);
          break;
        }
        // A new fact is inserted: on FerretDB an insert costs a fifth of a replacing update (ADR 13).
        if ((await documents.insert([after]))[0]) break;
      }
    }
  }
}
