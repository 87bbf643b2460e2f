import type { z } from 'zod';
import { env, serviceConfig } from '@truyvet/config';

export const configSchema = serviceConfig(
  { grpcPort: 50053, database: 'truyvet-case-graph' },
  {
    /** Every instance of one deployment shares it (they split the partitions); a bench or a replay uses its own. */
    CONSUMER_GROUP: env.string().default('case-graph'),
    /** How often quarantines due for release are checked (0: only through ReleaseDue). */
    RELEASE_SWEEP_MS: env.durationMs().default(300_000),
    /** How often rule sets added through another instance are picked up. */
    RULES_REFRESH_MS: env.durationMs().default(60_000),
  },
);

export type Config = z.infer<typeof configSchema>;
