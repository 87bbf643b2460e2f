import { describe, expect, it } from '@jest/globals';
import { InMemoryDocuments } from '@truyvet/store';
import { FACT_KINDS, type FactChange, type MergeFact } from '../domain/facts';
import type { FactCollections } from './ports';
import { Projection } from './projection';

function collections(): FactCollections {
  return Object.fromEntries(
    FACT_KINDS.map((k) => [k, new InMemoryDocuments()]),
  ) as unknown as FactCollections;
}

const mergedInto = (survivorId: string): FactChange => ({
  kind: 'merges',
  id: 'p-2',
  evolve: (): MergeFact => ({ _id: 'p-2', survivorId }),
});

describe('Projection writing a fact', () => {
  it('inserts a new fact, and replaces one that changed', async () => {
    const facts = collections();
    const puts: string[] = [];
    const put = facts.merges.put.bind(facts.merges);
    facts.merges.put = (doc) => {
      puts.push(doc.survivorId);
      return put(doc);
    };
    const projection = new Projection(facts);
    await projection.apply([mergedInto('p-1')]);
    expect(puts).toEqual([]);
    await projection.apply([mergedInto('p-3')]);
    expect(puts).toEqual(['p-3']);
    expect(await facts.merges.get('p-2')).toEqual({ _id: 'p-2', survivorId: 'p-3' });
  });

  it('evolves again, from what is there, a new fact another writer put in between its read and its insert', async () => {
    const facts = collections();
    const merges = facts.merges;
    await merges.put({ _id: 'p-2', survivorId: 'p-9' });
    // Read as missing the first time (another writer's insert not yet visible when it was read).
    let reads = 0;
    const racing: FactCollections['merges'] = {
      insert: (docs) => merges.insert(docs),
      put: (doc) => merges.put(doc),
      get: (id) => (reads++ === 0 ? Promise.resolve(null) : merges.get(id)),
      getMany: (ids) => merges.getMany(ids),
      find: (query, limit) => merges.find(query, limit),
    };
    const seen: Array<MergeFact | null> = [];
    const change: FactChange = {
      kind: 'merges',
      id: 'p-2',
      evolve: (fact: MergeFact | null): MergeFact => {
        seen.push(fact);
        return { _id: 'p-2', survivorId: fact ? `${fact.survivorId}+p-1` : 'p-1' };
      },
    };
    await new Projection({ ...facts, merges: racing }).apply([change]);
    expect(seen).toEqual([null, { _id: 'p-2', survivorId: 'p-9' }]);
    expect(await merges.get('p-2')).toEqual({ _id: 'p-2', survivorId: 'p-9+p-1' });
  });
});
