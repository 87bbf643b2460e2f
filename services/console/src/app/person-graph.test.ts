import {
  chainPeople,
  clusterPeople,
  layOutGraph,
  MAX_GRAPH_NODES,
  NODE_SPACING,
  RANK_SPACING,
} from './person-graph';

const names = new Map([
  ['p-a', 'Trần Văn A'],
  ['p-b', 'Lê Thị B'],
]);

describe('a case drawn as a tree', () => {
  const chain = {
    personId: 'p-b',
    ancestors: [
      { personId: 'p-a', caseId: 'c-a', level: 0, infectedBy: '', confirmedAt: '2021-08-01T00:00:00Z' },
    ],
    descendants: [
      { personId: 'p-c', caseId: 'c-c', level: 0, infectedBy: 'p-b', confirmedAt: '2021-08-05T00:00:00Z' },
      { personId: 'p-d', caseId: 'c-d', level: 0, infectedBy: 'p-c', confirmedAt: '2021-08-07T00:00:00Z' },
    ],
    contacts: [
      { personId: 'p-c', viaPersonId: 'p-b', level: 0 },
      { personId: 'p-e', viaPersonId: 'p-b', level: 1 },
      { personId: 'p-f', viaPersonId: 'p-b', level: 1 },
    ],
  };
  const graph = layOutGraph(chainPeople(chain, { level: 0, caseId: 'c-b' }), 'p-b', names);
  const node = (id: string) => {
    const found = graph.nodes.find((n) => n.id === id);
    if (!found) throw new Error(`no node ${id}`);
    return found;
  };

  it('puts the first case on top and each person a rank below who they got it from', () => {
    expect(node('p-a').y).toBeLessThan(node('p-b').y);
    expect(node('p-c').y - node('p-b').y).toBe(RANK_SPACING);
    expect(node('p-d').y - node('p-c').y).toBe(RANK_SPACING);
    expect(node('p-e').y).toBe(node('p-c').y);
  });

  it('draws a person once, as the case they became rather than as a contact', () => {
    expect(graph.nodes.filter((n) => n.id === 'p-c')).toHaveLength(1);
    expect(node('p-c').caseId).toBe('c-c');
    expect(graph.edges).toContainEqual({ from: 'p-b', to: 'p-c', link: 'infection' });
    expect(graph.edges).toContainEqual({ from: 'p-b', to: 'p-e', link: 'contact' });
    expect(graph.edges).toHaveLength(5);
  });

  it('sets children side by side with the parent centred over them, and marks the open case', () => {
    const [left = 0, middle = 0, right = 0] = [node('p-c'), node('p-e'), node('p-f')]
      .map((n) => n.x)
      .sort((a, b) => a - b);
    expect(middle - left).toBe(NODE_SPACING);
    expect(right - middle).toBe(NODE_SPACING);
    expect(node('p-b').x).toBe((left + right) / 2);
    expect(node('p-b').focus).toBe(true);
    expect(node('p-a').focus).toBe(false);
    expect(node('p-b').name).toBe('Lê Thị B');
    expect(node('p-e').name).toBe('');
    expect(graph.width).toBeGreaterThanOrEqual(Math.max(...graph.nodes.map((n) => n.x)));
    expect(graph.height).toBeGreaterThanOrEqual(Math.max(...graph.nodes.map((n) => n.y)));
  });
});

describe('a cluster drawn as a tree', () => {
  it('hangs every member under their source, cases first, and survives a loop in the links', () => {
    const graph = layOutGraph(
      clusterPeople({
        cases: [
          { personId: 'p-a', caseId: 'c-a', confirmedAt: '2021-08-01T00:00:00Z', likelySourcePersonId: '' },
          {
            personId: 'p-y',
            caseId: 'c-y',
            confirmedAt: '2021-08-03T00:00:00Z',
            likelySourcePersonId: 'p-a',
          },
        ],
        members: [
          { personId: 'p-x', level: 1, sourcePersonId: 'p-a' },
          { personId: 'p-a', level: 0, sourcePersonId: '' },
          { personId: 'p-y', level: 0, sourcePersonId: '' },
          { personId: 'p-l1', level: 2, sourcePersonId: 'p-l2' },
          { personId: 'p-l2', level: 2, sourcePersonId: 'p-l1' },
        ],
      }),
      'p-a',
      names,
    );
    expect(graph.nodes.map((n) => n.id)).toEqual(['p-a', 'p-y', 'p-x', 'p-l1', 'p-l2']);
    expect(graph.edges).toContainEqual({ from: 'p-a', to: 'p-y', link: 'infection' });
    expect(graph.nodes.find((n) => n.id === 'p-a')?.caseId).toBe('c-a');
    expect(graph.edges).toContainEqual({ from: 'p-a', to: 'p-x', link: 'contact' });
    const loop = graph.nodes.filter((n) => n.id.startsWith('p-l'));
    expect(new Set(loop.map((n) => `${n.x},${n.y}`)).size).toBe(2);
  });

  it('leaves out the people beyond the most a drawing shows, never the open case, and counts them', () => {
    const members = Array.from({ length: MAX_GRAPH_NODES + 20 }, (_, i) => ({
      personId: `p-${i}`,
      level: i === 0 ? 0 : 1,
      sourcePersonId: i === 0 ? '' : 'p-0',
    }));
    const graph = layOutGraph(clusterPeople({ cases: [], members }), `p-${MAX_GRAPH_NODES + 10}`, names);
    expect(graph.nodes).toHaveLength(MAX_GRAPH_NODES);
    expect(graph.leftOut).toBe(20);
    expect(graph.nodes.some((n) => n.focus)).toBe(true);
  });
});
