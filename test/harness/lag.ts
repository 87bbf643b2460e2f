import { Kafka, logLevel, type Admin } from 'kafkajs';

/**
 * Reads consumer groups' lag over one admin connection kept open. A new client per look (connect, metadata, one request after
 * another, disconnect) took 0.3-0.4 s a group: a benchmark watching four groups saw a stage settle
 * up to 1.5 s after it had, and loaded the broker it was measuring.
 */
export class LagProbe {
  private admin: Promise<Admin> | undefined;

  constructor(private readonly brokers: readonly string[]) {}

  private connected(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = new Kafka({
        brokers: [...this.brokers],
        clientId: 'test-lag',
        logLevel: logLevel.NOTHING,
      }).admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }

  /** How many messages of these topics the group has not committed yet. */
  async lag(groupId: string, topics: readonly string[]): Promise<number> {
    return (await this.lags({ [groupId]: topics })).get(groupId) ?? 0;
  }

  /**
   * Each group's lag, in one look: each topic's ends asked once for all the groups reading it, the
   * groups' offsets side by side. (Asked per group, the four services' groups cost the broker about
   * 0.2 of a core when watched every 100 ms.)
   */
  async lags(groups: Readonly<Record<string, readonly string[]>>): Promise<Map<string, number>> {
    const admin = await this.connected();
    try {
      const topics = [...new Set(Object.values(groups).flat())];
      // The groups' offsets first, the ends after: a message published between the two reads can
      // only make the lag look larger, never hide one.
      const committed = await Promise.all(
        Object.entries(groups).map(
          async ([groupId, read]) =>
            [groupId, read, await admin.fetchOffsets({ groupId, topics: [...read] })] as const,
        ),
      );
      const ends = await Promise.all(
        topics.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const),
      );
      const endsOf = new Map(ends);
      const lags = new Map<string, number>();
      for (const [groupId, read, offsets] of committed) {
        let lag = 0;
        for (const topic of read) {
          const done = offsets.find((c) => c.topic === topic)?.partitions ?? [];
          for (const end of endsOf.get(topic) ?? []) {
            const at = Number(done.find((p) => p.partition === end.partition)?.offset ?? '-1');
            lag += Math.max(0, Number(end.offset) - Math.max(0, at));
          }
        }
        lags.set(groupId, lag);
      }
      return lags;
    } catch (error) {
      // A broken connection is not kept: the next look connects again.
      await this.close().catch(() => undefined);
      throw error;
    }
  }

  /** The summed lag of several groups. */
  async totalLag(groups: Readonly<Record<string, readonly string[]>>): Promise<number> {
    return [...(await this.lags(groups)).values()].reduce((sum, lag) => sum + lag, 0);
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    if (admin) await (await admin.catch(() => undefined))?.disconnect();
  }
}

/** How many messages of these topics a consumer group has not committed yet (a probe for one look). */
export async function consumerLag(
  brokers: readonly string[],
  groupId: string,
  topics: readonly string[],
): Promise<number> {
  const probe = new LagProbe(brokers);
  try {
    return await probe.lag(groupId, topics);
  } finally {
    await probe.close();
  }
}

/**
 * Waits until a consumer group has caught up with what earlier suites left on the shared topics
 * (a service started in a test reads every stream from the start of what its group has not
 * committed), so the test's own events are not timed behind them. Prints the wait.
 */
export async function waitForCatchUp(
  brokers: readonly string[],
  groupId: string,
  topics: readonly string[],
  timeoutMs = 600_000,
): Promise<void> {
  const started = Date.now();
  const probe = new LagProbe(brokers);
  const first = await probe.lag(groupId, topics);
  try {
    for (;;) {
      const lag = await probe.lag(groupId, topics);
      if (lag === 0) break;
      if (Date.now() - started > timeoutMs)
        throw new Error(`${groupId} still ${lag} messages behind after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await probe.close();
  }
  if (first > 0)
    process.stderr.write(
      `  [${groupId}] caught up with ${first} earlier messages in ${Date.now() - started} ms\n`,
    );
}
