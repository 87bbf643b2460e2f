/**
 * Topics are per stream, not per event type, so events about one sample or one person stay in
 * order on one partition. Partition counts bound how many instances of a consumer group can share
 * the work: sized for a province, raised (never lowered) by an ADR.
 */
export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  readonly description: string;
}

function topic(name: string, partitions: number, description: string): TopicSpec {
  return { topic: `truyvet.${name}`, partitions, description };
}

export const topics = {
  persons: topic('persons', 6, 'person registry: registered, merged, corrected; key = person id'),
  samples: topic('samples', 12, 'sample lifecycle: collected, pooled, shipped, re-sampled; key = sample id'),
  shipments: topic('shipments', 3, 'shipments district -> lab: dispatched, received; key = shipment id'),
  labResults: topic(
    'lab.results',
    12,
    'person results and their amendments (key = person id), pool results, amendments and reviews (key = sample id)',
  ),
  cases: topic('cases', 6, 'F0 cases, contacts and F-levels; key = person id'),
  isolation: topic('isolation', 6, 'isolation orders and releases; key = person id'),
  testOrders: topic(
    'tests.ordered',
    6,
    'follow-up and re-test orders back to the districts; key = person id',
  ),
} as const satisfies Record<string, TopicSpec>;

export const allTopics: readonly TopicSpec[] = Object.values(topics);
