import { randomUUID } from 'node:crypto';
import { describe } from '@jest/globals';
import { readInfra, type Infra } from './infra';

export type { Infra } from './infra';
export { consumerLag, waitForCatchUp } from './lag';
export { eventually } from './eventually';

/**
 * `describe` for suites that need the real Kafka broker and MongoDB-wire server. When none could
 * be provided the suite is skipped with a loud message; with REQUIRE_INFRA=1 the global setup has
 * already failed the run instead, so a CI run can never skip these silently.
 */
export function describeWithInfra(name: string, body: (infra: Infra) => void): void {
  const infra = readInfra();
  if ('unavailable' in infra) {
    if (process.env.REQUIRE_INFRA === '1') {
      throw new Error(`REQUIRE_INFRA=1 but no real servers: ${infra.unavailable}`);
    }
    process.stderr.write(
      `\n*** SKIPPING "${name}": no real Kafka/MongoDB-wire server (${infra.unavailable})\n`,
    );
    describe.skip(name, () => {
      body({ kafkaBrokers: [], mongoUri: '', source: 'none', versions: {} });
    });
    return;
  }
  describe(name, () => {
    body(infra);
  });
}

/** A name no other test (or earlier run against the same servers) uses: topics, groups, databases. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
