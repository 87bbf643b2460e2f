import { randomUUID } from 'node:crypto';
import { describe } from '@jest/globals';
import { readInfra, type Infra } from './infra';

export type { Infra } from './infra';
export { consumerLag, waitForCatchUp } from './lag';

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

/** Polls until `check` returns a value (not undefined), or fails with `what` after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
