import type { z } from 'zod';
import { env, serviceConfig } from '@truyvet/config';

export const configSchema = serviceConfig(
  { grpcPort: 50054, database: 'truyvet-reporting' },
  {
    /**
     * A rebuild is a new group into a new database: it folds every topic from the start and
     * serves the same figures (docs/runbooks/rebuild-reports.md).
     */
    CONSUMER_GROUP: env.string().default('reporting'),
  },
);

export type Config = z.infer<typeof configSchema>;
