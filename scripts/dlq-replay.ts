/**
 * Sends a consumer group's dead letters back to the topics they came from, once their cause is
 * fixed (libs/bus replayDeadLetters): an operator's command.
 *   KAFKA_BROKERS=... npm run dlq:replay -- case-graph
 * Kafka's TLS and SASL settings are the services' (KAFKA_TLS, KAFKA_TLS_CA_FILE, KAFKA_SASL_*).
 * Prints how many letters went back; a letter that fails again is dead-lettered again, with its
 * new reason.
 */
import { z } from 'zod';
import { KafkaBus, replayDeadLetters } from '@truyvet/bus';
import { env, loadConfigOrExit } from '@truyvet/config';
import { createLogger } from '@truyvet/log';
import { kafkaLinkOptions, onThisMachine } from '@truyvet/service';

const schema = z.object({
  KAFKA_BROKERS: env.list(),
  KAFKA_TLS: env.bool().default(false),
  KAFKA_TLS_CA_FILE: env.string().optional(),
  KAFKA_SASL_MECHANISM: env.enumOf(['scram-sha-256', 'scram-sha-512', 'plain'] as const).optional(),
  KAFKA_SASL_USERNAME: env.string().optional(),
  KAFKA_SASL_PASSWORD: env.string().optional(),
});

async function main(): Promise<void> {
  const [groupId] = process.argv.slice(2);
  if (!groupId || !/^[\w.-]+$/.test(groupId)) {
    console.error('usage: dlq-replay.ts <consumer group> (e.g. case-graph; its letters are in <group>.dlq)');
    process.exit(2);
  }
  const config = loadConfigOrExit(schema);
  const logger = createLogger({ name: 'dlq-replay', level: 'warn' });
  const bus = new KafkaBus({
    brokers: config.KAFKA_BROKERS,
    clientId: 'truyvet-dlq-replay',
    logger,
    kafka: kafkaLinkOptions(config),
    // A cluster's topics come from its topics job: the replay's own dead-letter topic too.
    createTopics: config.KAFKA_BROKERS.every(onThisMachine),
  });
  try {
    const outcome = await replayDeadLetters(bus, groupId, { logger });
    console.log(
      `${groupId}.dlq: ${String(outcome.replayed)} sent back, ${String(outcome.skipped)} left (no topic)`,
    );
  } finally {
    await bus.close();
  }
}

void main();
