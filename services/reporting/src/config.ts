import { z } from 'zod';
import { env } from '@truyvet/config';

export const configSchema = z
  .object({
    /** embedded: in-memory bus and store (tests, quick start); real: Kafka and MongoDB. */
    TRUYVET_MODE: env.enumOf(['embedded', 'real'] as const).default('embedded'),
    GRPC_HOST: env.string().default('0.0.0.0'),
    GRPC_PORT: env.port().default(50054),
    KAFKA_BROKERS: env.list().optional(),
    MONGODB_URI: env.string().optional(),
    MONGODB_DB: env.string().default('truyvet-reporting'),
    AUTH_SIGNING_KEY: z.string().min(32, 'at least 32 characters').optional(),
    LOG_LEVEL: env.logLevel().default('info'),
    /**
     * A rebuild is a new group into a new database: it folds every topic from the start and
     * serves the same figures (docs/runbooks/rebuild-reports.md).
     */
    CONSUMER_GROUP: env.string().default('reporting'),
  })
  .superRefine((c, ctx) => {
    if (c.TRUYVET_MODE !== 'real') return;
    for (const name of ['KAFKA_BROKERS', 'MONGODB_URI', 'AUTH_SIGNING_KEY'] as const) {
      if (c[name] === undefined)
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when TRUYVET_MODE=real' });
    }
  });

export type Config = z.infer<typeof configSchema>;
