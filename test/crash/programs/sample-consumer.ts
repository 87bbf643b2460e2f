/**
 * Crash-test program: a consumer in group GROUP that applies each SampleCollected event by
 * recording it under its event id (a natural key: a second insert is a duplicate, not a second
 * effect) and counts every delivery. With HANG_AFTER_APPLY=1 it says APPLIED and hangs after the
 * first effect, before its offset can be committed, so the test can SIGKILL it there.
 */
import { eventHandler, KafkaBus } from '@truyvet/bus';
import { EventRegistry, SampleCollectedV1 } from '@truyvet/events';
import { connectMongo, isDuplicateKey } from '@truyvet/store';
import { requiredEnv } from './env';

const env = requiredEnv;

async function main(): Promise<void> {
  const mongo = await connectMongo(env('MONGODB_URI'), env('DB_NAME'));
  const effects = mongo.db.collection<{ _id: string; sampleId: string }>('effects');
  const deliveries = mongo.db.collection<{ _id: string; count: number }>('deliveries');
  const bus = new KafkaBus({ brokers: env('KAFKA_BROKERS').split(','), clientId: 'crash-consumer' });
  const hangAfterApply = process.env.HANG_AFTER_APPLY === '1';

  const subscription = await bus.subscribe({
    groupId: env('GROUP'),
    topics: [env('TOPIC')],
    retry: { retries: 1, initialBackoffMs: 50 },
    handler: eventHandler(new EventRegistry([SampleCollectedV1]), {
      SampleCollected: async (event) => {
        await deliveries.updateOne({ _id: event.id }, { $inc: { count: 1 } }, { upsert: true });
        let duplicate = false;
        try {
          await effects.insertOne({ _id: event.id, sampleId: event.data.sampleId });
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          duplicate = true;
        }
        console.log(`${duplicate ? 'ALREADY_APPLIED' : 'APPLIED'} ${event.data.sampleId}`);
        if (hangAfterApply) await new Promise(() => setInterval(() => undefined, 60_000));
      },
    }),
  });
  console.log('READY');
  process.on('SIGTERM', () => {
    void subscription
      .stop()
      .then(() => bus.close())
      .then(() => mongo.close())
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
