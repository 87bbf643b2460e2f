import { describe, expect, it } from '@jest/globals';
import { contactsToDepth, type GraphNode } from './graph';

const edges: Record<string, string[]> = { a: ['b', 'c'], b: ['d', 'a'], c: ['d'], d: ['e'], e: [] };
const levels: Record<string, number | null> = { a: 0, b: 1, c: 1, d: 2, e: null };

function loader(calls: string[][]) {
  return (ids: readonly string[]): Promise<ReadonlyMap<string, GraphNode>> => {
    calls.push([...ids]);
    return Promise.resolve(
      new Map(
        ids.map((id) => [
          id,
          {
            personId: id,
            level: levels[id] ?? null,
            contacts: (edges[id] ?? []).map((c) => ({
              contactPersonId: c,
              contactType: 'household',
              lastExposureOn: '2021-11-08',
            })),
          },
        ]),
      ),
    );
  };
}

describe('contacts to a depth', () => {
  it('walks ring by ring, nearest first, each person once, with their levels', async () => {
    const calls: string[][] = [];
    const { reached, truncated } = await contactsToDepth('a', 2, loader(calls));
    expect(reached.map((r) => [r.personId, r.distance, r.viaPersonId, r.level])).toEqual([
      ['b', 1, 'a', 1],
      ['c', 1, 'a', 1],
      ['d', 2, 'b', 2],
    ]);
    expect(truncated).toBe(false);
    // One load per ring: the start, ring 1, ring 2.
    expect(calls).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('stops at the limit and says so', async () => {
    const { reached, truncated } = await contactsToDepth('a', 5, loader([]), 2);
    expect(reached).toHaveLength(2);
    expect(truncated).toBe(true);
  });
});
