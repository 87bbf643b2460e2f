/**
 * What the bus does when kafkajs gives up on a consumer (a crash it will not restart after), with
 * kafkajs's client replaced by a stand-in: the real broker cannot be made to fail that way on cue
 * (the fault suite meets it when the broker is away long enough).
 */
import { describe, expect, it } from '@jest/globals';
import { createLogger } from '@truyvet/log';
import { KafkaBus } from './kafka-bus';

type Listener = (event: { payload: { error: Error; restart: boolean } }) => void;

/** How a stand-in behaves when run: joins its group, is given up on before joining, or hangs. */
type Mode = 'join' | 'crash-before-join' | 'hang';

/** A consumer stand-in: joins its group when run (or not, by its mode), crashes when told. */
class StandInConsumer {
  constructor(private readonly mode: Mode) {}
  readonly events = { GROUP_JOIN: 'consumer.group_join', CRASH: 'consumer.crash' };
  private readonly listeners = new Map<string, Listener[]>();
  running = false;
  disconnected = false;
  on(name: string, listener: Listener): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  connect(): Promise<void> {
    return Promise.resolve();
  }
  subscribe(): Promise<void> {
    return Promise.resolve();
  }
  run(): Promise<void> {
    this.running = true;
    // As kafkajs: a join that fails for good is a crash the client does not restart after, and
    // run() itself still resolves.
    if (this.mode === 'crash-before-join')
      setTimeout(() => {
        this.crash(false);
      }, 10);
    if (this.mode === 'join')
      for (const l of this.listeners.get(this.events.GROUP_JOIN) ?? [])
        l({ payload: { error: new Error(), restart: true } });
    return Promise.resolve();
  }
  disconnect(): Promise<void> {
    this.running = false;
    this.disconnected = true;
    return Promise.resolve();
  }
  crash(restart: boolean): void {
    const error = new Error('Failed to find group coordinator');
    for (const l of this.listeners.get(this.events.CRASH) ?? []) l({ payload: { error, restart } });
  }
}

function busWithStandIns(modes: Mode[] = []): { bus: KafkaBus; consumers: StandInConsumer[] } {
  const bus = new KafkaBus({
    brokers: ['127.0.0.1:9'],
    clientId: 'test',
    logger: createLogger({ name: 'test', level: 'silent' }),
  });
  const consumers: StandInConsumer[] = [];
  const kafka = {
    admin: () => ({
      connect: () => Promise.resolve(),
      disconnect: () => Promise.resolve(),
      listTopics: () => Promise.resolve(['g.dlq']),
      createTopics: () => Promise.resolve(true),
      // Made before with the retention this bus gives topics: nothing to alter.
      describeConfigs: () =>
        Promise.resolve({
          resources: [
            {
              resourceName: 'g.dlq',
              configEntries: [
                { configName: 'retention.ms', configValue: '-1', configSource: 1, isSensitive: false },
              ],
            },
          ],
        }),
      fetchTopicMetadata: () => Promise.resolve({ topics: [{ name: 'g.dlq', partitions: [{ leader: 0 }] }] }),
    }),
    producer: () => ({
      connect: () => Promise.resolve(),
      disconnect: () => Promise.resolve(),
      sendBatch: () => Promise.resolve([]),
    }),
    consumer: () => {
      const consumer = new StandInConsumer(modes[consumers.length] ?? 'join');
      consumers.push(consumer);
      return consumer;
    },
  };
  // The bus's kafkajs client, replaced for this test only.
  (bus as unknown as { kafka: typeof kafka }).kafka = kafka;
  return { bus, consumers };
}

const until = async (what: string, check: () => boolean): Promise<void> => {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('a consumer kafkajs gives up on', () => {
  const options = { groupId: 'g', topics: ['t'], handler: () => Promise.resolve() };

  it('is replaced by a new consumer of the group, and not once the subscription is stopped', async () => {
    const { bus, consumers } = busWithStandIns();
    const subscription = await bus.subscribe(options);
    expect(consumers).toHaveLength(1);
    consumers[0]?.crash(true); // kafkajs restarts this one itself: nothing to do
    consumers[0]?.crash(false);
    await until('a second consumer running', () => consumers[1]?.running === true);
    expect(consumers[0]?.disconnected).toBe(true);
    expect(consumers).toHaveLength(2);

    await subscription.stop();
    expect(consumers[1]?.disconnected).toBe(true);
    consumers[1]?.crash(false); // a late crash of a stopped subscription: no new consumer
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(consumers).toHaveLength(2);
    await bus.close();
  });

  it('is tried again, later, when the new one is given up on before it joins; stop() ends them all', async () => {
    const { bus, consumers } = busWithStandIns(['crash-before-join', 'crash-before-join', 'join']);
    const subscription = await bus.subscribe(options); // the first never joined: replaced at once
    await until('a third consumer running', () => consumers[2]?.running === true);
    expect(consumers.slice(0, 2).map((c) => c.disconnected)).toEqual([true, true]);
    await subscription.stop();
    expect(consumers.every((c) => c.disconnected)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(consumers).toHaveLength(3);
    await bus.close();
  }, 15_000);

  it('leaves nothing consuming when stopped while a replacement is starting', async () => {
    const { bus, consumers } = busWithStandIns(['join', 'hang']);
    const subscription = await bus.subscribe(options);
    consumers[0]?.crash(false);
    await until('a replacement starting', () => consumers[1]?.running === true);
    await subscription.abort();
    expect(consumers.map((c) => c.disconnected)).toEqual([true, true]);
    await bus.close();
  });

  it('is left to the subscriber when it asked to be told', async () => {
    const { bus, consumers } = busWithStandIns();
    const fatal: unknown[] = [];
    await bus.subscribe({ ...options, onFatal: (error) => fatal.push(error) });
    consumers[0]?.crash(false);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(fatal).toHaveLength(1);
    expect(consumers).toHaveLength(1);
    await bus.close();
  });
});
