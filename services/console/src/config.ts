import { z } from 'zod';
import { env, linksUnprotected, refineLinks, type Links } from '@truyvet/config';

/** What the console has: the services called over gRPC, and MongoDB (users and sessions). */
const CONSOLE_LINKS: Links = { grpc: 'client', kafka: false, mongodb: true };

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
    /** Call the services over TLS; a private CA's certificate (PEM file) to check theirs against. */
    GRPC_TLS: env.bool().default(false),
    GRPC_TLS_CA_FILE: env.string().optional(),
    /** The console's own certificate and key, for services that ask for one (mutual TLS). */
    GRPC_TLS_CLIENT_CERT_FILE: env.string().optional(),
    GRPC_TLS_CLIENT_KEY_FILE: env.string().optional(),
    /** Protections a real deployment goes without (see @truyvet/config links): none unless said. */
    LINKS_UNPROTECTED: linksUnprotected().default([]),
    /** The deployment's reverse proxies (addresses): their X-Forwarded-For names the browser. */
    CONSOLE_TRUSTED_PROXIES: env.list().optional(),
    /** Off only where the console is served over plain HTTP (a trial on a laptop). */
    CONSOLE_SECURE_COOKIES: env.bool().default(true),
    /** The first admin's password, for a fresh install (the admin adds everyone else). */
    CONSOLE_ADMIN_PASSWORD: z.string().min(10, 'at least 10 characters').optional(),
    /** The built pages (`npm run build:console` writes them to services/console/web/dist). */
    CONSOLE_WEB_DIR: env.string().optional(),
    LOG_LEVEL: env.logLevel().default('info'),
  })
  .superRefine((config, ctx) => {
    if (Boolean(config.GRPC_TLS_CLIENT_CERT_FILE) !== Boolean(config.GRPC_TLS_CLIENT_KEY_FILE))
      ctx.addIssue({
        code: 'custom',
        path: ['GRPC_TLS_CLIENT_KEY_FILE'],
        message: 'GRPC_TLS_CLIENT_CERT_FILE and GRPC_TLS_CLIENT_KEY_FILE go together',
      });
    if ((config.GRPC_TLS_CA_FILE || config.GRPC_TLS_CLIENT_CERT_FILE) && !config.GRPC_TLS)
      ctx.addIssue({ code: 'custom', path: ['GRPC_TLS'], message: 'TLS files are given: set GRPC_TLS=true' });
    if (config.TRUYVET_MODE !== 'real') return;
    refineLinks(config, CONSOLE_LINKS, ctx);
    for (const name of ['MONGODB_URI', 'AUTH_SIGNING_KEY'] as const)
      if (config[name] === undefined)
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when TRUYVET_MODE=real' });
  });

export type Config = z.infer<typeof configSchema>;
