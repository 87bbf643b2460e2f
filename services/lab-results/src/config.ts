import type { z } from 'zod';
import { serviceConfig } from '@truyvet/config';

export const configSchema = serviceConfig({ grpcPort: 50052, database: 'truyvet-lab-results' }, {});

export type Config = z.infer<typeof configSchema>;
