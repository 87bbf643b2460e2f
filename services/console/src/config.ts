import { z } from 'zod';
import { env } from '@truyvet/config';

export const configSchema = z
  .object({
    /** embedded: users and sessions in memory (tests, quick start); real: in MongoDB. */
    TRUYVET_MODE: env.enumOf(['embedded', 'real'] as const).default('embedded'),
    /** Loopback unless told: a deployment says on which interface it serves. */
    CONSOLE_HOST: env.string().default('127.0.0.1'),
    CONSOLE_PORT: env.port().default(8080),
    /** case-graph's gRPC address (`host:port`). */
    CASE_GRAPH_ADDRESS: env.string().default('127.0.0.1:50053'),
    /** sample-collection's gRPC address (`host:port`). */
    SAMPLE_COLLECTION_ADDRESS: env.string().default('127.0.0.1:50051'),
    /** lab-results' gRPC address (`host:port`). */
    LAB_RESULTS_ADDRESS: env.string().default('127.0.0.1:50052'),
    /** reporting's gRPC address (`host:port`). */
    REPORTING_ADDRESS: env.string().default('127.0.0.1:50054'),
    MONGODB_URI: env.string().optional(),
    MONGODB_DB: env.string().default('truyvet-console'),
    /**
     * The token issuer's Ed25519 private key (PEM): the gateway signs the token it presents to the
     * services for each user; the services hold only the public half (AUTH_PUBLIC_KEY).
     */
    AUTH_SIGNING_KEY: env.privateKeyPem().optional(),
    /** Accept the repository's public development key in real mode: test machines only. */
    AUTH_ALLOW_DEVELOPMENT_KEY: env.bool().default(false),
    /** Off only where the console is served over plain HTTP (a trial on a laptop). */
    CONSOLE_SECURE_COOKIES: env.bool().default(true),
    /** The first admin's password, for a fresh install (the admin adds everyone else). */
    CONSOLE_ADMIN_PASSWORD: z.string().min(10, 'at least 10 characters').optional(),
    /** The built pages (`npm run build:console` writes them to services/console/web/dist). */
    CONSOLE_WEB_DIR: env.string().optional(),
    LOG_LEVEL: env.logLevel().default('info'),
  })
  .superRefine((config, ctx) => {
    if (config.TRUYVET_MODE !== 'real') return;
    for (const name of ['MONGODB_URI', 'AUTH_SIGNING_KEY'] as const)
      if (config[name] === undefined)
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when TRUYVET_MODE=real' });
  });

export type Config = z.infer<typeof configSchema>;
