/**
 * What the quick start runs until the services land: a district team's samples go through the
 * foundation end to end — saved with their events in one commit, relayed to the bus, applied by an
 * idempotent consumer — with a redelivered event and a poison one to show what happens to those.
 */
import {
  deadLetterTopic,
  eventHandler,
  eventMessage,
  headers,
  type Bus,
  type DedupStore,
} from '@truyvet/bus';
import { createEvent, EventRegistry, SampleCollectedV1, topics, type EventOf } from '@truyvet/events';
import { OutboxRelay, type AggregateStore, type OutboxSource } from '@truyvet/store';

// A few of Ninh Kieu district's wards (GSO codes).
export const demoWards = [
  { code: '31117', name: 'Phường Cái Khế' },
  { code: '31120', name: 'Phường An Hòa' },
  { code: '31144', name: 'Phường Xuân Khánh' },
  { code: '31147', name: 'Phường Hưng Lợi' },
  { code: '31149', name: 'Phường An Khánh' },
] as const;

export interface SampleState {
  barcode: string;
  wardCode: string;
  people: number;
}

export interface DemoSummary {
  samples: number;
  pooled: number;
  people: number;
  perWard: Record<string, { samples: number; people: number }>;
  applied: number;
  /** How often the event that was delivered twice reached the handler (dedup makes it 1). */
  redeliveredEventApplications: number;
  deadLettered: Array<{ reason: string; code: string }>;
  collectMs: number;
  endToEndMs: number;
}

export interface DemoDeps {
  bus: Bus;
  store: AggregateStore<SampleState> & OutboxSource;
  dedup: DedupStore;
  /** Lets the store wake the relay after each save. */
  relayHook: { relay?: OutboxRelay };
  samples: number;
  groupId: string;
  onProgress?: (line: string) => void;
}

export async function runFoundationDemo(deps: DemoDeps): Promise<DemoSummary> {
  const { bus, store, samples } = deps;
  const topic = topics.samples.topic;
  await bus.ensureTopics([topics.samples]);
  const relay = new OutboxRelay({ bus, sources: [store], pollIntervalMs: 100 });
  deps.relayHook.relay = relay;
  relay.start();

  const perWard: DemoSummary['perWard'] = {};
  let applied = 0;
  const applications = new Map<string, number>();
  const marker = { id: '', seen: false }; // set by the handler, read by the wait below
  const registry = new EventRegistry([SampleCollectedV1]);
  const apply = eventHandler(registry, {
    SampleCollected: (event: EventOf<typeof SampleCollectedV1>) => {
      // The topic may hold earlier runs' samples (real mode): count only this run's.
      if (!event.data.sampleId.startsWith(`${deps.groupId}-`)) return Promise.resolve();
      applications.set(event.id, (applications.get(event.id) ?? 0) + 1);
      if (event.id === marker.id) {
        marker.seen = true;
        return Promise.resolve();
      }
      const ward = event.data.site.wardCode ?? 'unknown';
      const figures = (perWard[ward] ??= { samples: 0, people: 0 });
      figures.samples++;
      figures.people += event.data.personIds.length;
      applied++;
      return Promise.resolve();
    },
  });
  const subscription = await bus.subscribe({
    groupId: deps.groupId,
    topics: [topic],
    dedup: deps.dedup,
    retry: { retries: 2, initialBackoffMs: 50 },
    handler: apply,
  });

  const started = Date.now();
  let pooled = 0;
  let people = 0;
  let first: ReturnType<typeof createEvent<typeof SampleCollectedV1>> | undefined;
  for (let i = 0; i < samples; i++) {
    const ward = demoWards[i % demoWards.length] ?? demoWards[0];
    const isPool = i % 3 !== 0; // two tubes in three are pools of 5-10 people
    const size = isPool ? 5 + (i % 6) : 1;
    const sampleId = `${deps.groupId}-s${i}`;
    const event = createEvent(SampleCollectedV1, {
      sampleId,
      barcode: `CT916-${String(i).padStart(6, '0')}`,
      pooled: isPool,
      personIds: Array.from({ length: size }, (_, j) => `${sampleId}-p${j}`),
      collectedAt: new Date().toISOString(),
      site: { districtCode: '916', wardCode: ward.code, name: `Điểm xét nghiệm ${ward.name}` },
      reason: 'mass_testing',
      specimenType: 'oropharyngeal',
    });
    first ??= event;
    await store.save({
      id: sampleId,
      expectedVersion: 0,
      state: { barcode: event.data.barcode, wardCode: ward.code, people: size },
      events: [{ topic, event }],
    });
    pooled += isPool ? 1 : 0;
    people += size;
    if ((i + 1) % 500 === 0) deps.onProgress?.(`  collected ${i + 1}/${samples} samples`);
  }
  const collectMs = Date.now() - started;

  // A redelivery (same event id), then a marker on the same key (so, after it on its partition),
  // and a message no consumer can read.
  if (!first) throw new Error('no samples to demonstrate with');
  const markerEvent = createEvent(SampleCollectedV1, first.data);
  marker.id = markerEvent.id;
  await bus.publish([eventMessage({ topic, event: first }), eventMessage({ topic, event: markerEvent })]);
  const poison = { ...createEvent(SampleCollectedV1, firstData(deps.groupId)), version: 7 };
  const poisonKey = `${deps.groupId}-poison`;
  await bus.publish([{ topic, key: poisonKey, value: JSON.stringify(poison) }]);

  const deadLettered: DemoSummary['deadLettered'] = [];
  const dlqReader = await bus.subscribe({
    groupId: `${deps.groupId}-dlq-reader`,
    topics: [deadLetterTopic(deps.groupId)],
    handler: (m) => {
      if (m.key !== poisonKey) return Promise.resolve(); // an earlier run's poison, dead-lettered again
      deadLettered.push({
        reason: m.headers[headers.dlqReason] ?? '',
        code: m.headers[headers.dlqErrorCode] ?? '',
      });
      return Promise.resolve();
    },
  });
  const deadline = Date.now() + 120_000;
  while ((applied < samples || !marker.seen || deadLettered.length < 1) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const endToEndMs = Date.now() - started;
  if (applied < samples || !marker.seen || deadLettered.length < 1) {
    throw new Error(`gave up after 120 s: ${applied} of ${samples} samples applied`);
  }
  await dlqReader.stop();
  await subscription.stop();
  await relay.stop();
  return {
    samples,
    pooled,
    people,
    perWard,
    applied,
    redeliveredEventApplications: applications.get(first.id) ?? 0,
    deadLettered,
    collectMs,
    endToEndMs,
  };
}

function firstData(prefix: string): Parameters<typeof createEvent<typeof SampleCollectedV1>>[1] {
  return {
    sampleId: `${prefix}-poison`,
    barcode: 'CT916-POISON',
    pooled: false,
    personIds: ['nobody'],
    collectedAt: new Date().toISOString(),
    site: { districtCode: '916' },
    reason: 'mass_testing',
    specimenType: 'nasal',
  };
}
