/**
 * Crash-test program. MODE=save: saves a sample aggregate with its SampleCollected event in the
 * outbox, says SAVED, then hangs until killed (the relay never ran). MODE=relay: runs one relay
 * round whose publish succeeds, says PUBLISHED, then hangs before marking the events published.
 */
import { KafkaBus, type Bus } from '@truyvet/bus';
import { createEvent, SampleCollectedV1 } from '@truyvet/events';
import { connectMongo, MongoAggregateStore, OutboxRelay } from '@truyvet/store';
import { requiredEnv } from './env';

const env = requiredEnv;

async function main(): Promise<void> {
  const mongo = await connectMongo(env('MONGODB_URI'), env('DB_NAME'));
  const store = new MongoAggregateStore<{ barcode: string }>(mongo.db, 'samples');
  const hang = (): Promise<never> => new Promise(() => setInterval(() => undefined, 60_000));

  if (env('MODE') === 'save') {
    const sampleId = env('SAMPLE_ID');
    const event = createEvent(SampleCollectedV1, {
      sampleId,
      barcode: `CT916-${sampleId}`,
      pooled: false,
      personIds: ['person-1'],
      collectedAt: '2021-11-07T08:30:00+07:00',
      site: { districtCode: '916', wardCode: '31117' },
      reason: 'mass_testing',
      specimenType: 'oropharyngeal',
    });
    await store.save({
      id: sampleId,
      expectedVersion: 0,
      state: { barcode: event.data.barcode },
      events: [{ topic: env('TOPIC'), event }],
    });
    console.log(`SAVED ${event.id}`);
    await hang();
  }

  const kafka = new KafkaBus({ brokers: env('KAFKA_BROKERS').split(','), clientId: 'crash-relay' });
  const stopAfterPublish: Bus = {
    ensureTopics: (t) => kafka.ensureTopics(t),
    subscribe: (o) => kafka.subscribe(o),
    close: () => kafka.close(),
    publish: async (messages) => {
      await kafka.publish(messages);
      console.log(`PUBLISHED ${messages.length}`);
      await hang(); // killed here: on the bus, but not yet marked published in the store
    },
  };
  const relay = new OutboxRelay({
    bus: stopAfterPublish,
    sources: [store],
    // Started to publish a dead writer's backlog: no writer left to wait for.
    graceMs: 0,
  });
  // Returns only when there was nothing to publish (otherwise it hangs above, to be killed).
  console.log(`NOTHING_PENDING ${await relay.publishPending()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
