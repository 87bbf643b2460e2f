import { Kafka, logLevel } from 'kafkajs';

/** How many messages of these topics a consumer group has not committed yet. */
export async function consumerLag(
  brokers: readonly string[],
  groupId: string,
  topics: readonly string[],
): Promise<number> {
  const admin = new Kafka({
    brokers: [...brokers],
    clientId: 'test-lag',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    let lag = 0;
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const done = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const end of ends) {
        const at = Number(done.find((p) => p.partition === end.partition)?.offset ?? '-1');
        lag += Math.max(0, Number(end.offset) - Math.max(0, at));
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
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
  const first = await consumerLag(brokers, groupId, topics);
  for (;;) {
    const lag = await consumerLag(brokers, groupId, topics);
    if (lag === 0) break;
    if (Date.now() - started > timeoutMs)
      throw new Error(`${groupId} still ${lag} messages behind after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (first > 0)
    process.stderr.write(
      `  [${groupId}] caught up with ${first} earlier messages in ${Date.now() - started} ms\n`,
    );
}
