import { z } from 'zod';
import { serviceConfig } from '@truyvet/config';

export const configSchema = serviceConfig(
  { grpcPort: 50051, database: 'truyvet-sample-collection' },
  { PERSON_ID_SECRET: z.string().min(16, 'at least 16 characters').optional() },
  ['PERSON_ID_SECRET'],
);

export type Config = z.infer<typeof configSchema>;
