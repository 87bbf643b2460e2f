import { z } from 'zod';
import { linksUnprotected, refineLinks, type LinkProtection, type LinkSettings, type Links } from './links';

export * from './links';

/** Thrown when the environment does not satisfy a service's config schema. One line per problem. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads a service's config from environment variables. The schema's keys are the variable names;
 * use the helpers below (or any zod schema that accepts a string) for each value.
 * Empty strings count as unset, so `FOO=` falls back to the default instead of failing oddly.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Env = process.env): z.infer<S> {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') input[key] = value.trim();
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = issue.path.map(String).join('.') || '(config)';
      const given = typeof issue.path[0] === 'string' ? input[issue.path[0]] : undefined;
      const missing = given === undefined;
      return missing
        ? `${name}: is required (${issue.message})`
        : `${name}=${shown(name, given)}: ${issue.message}`;
    }),
  );
}

/** A bad value as a problem line shows it: never a secret, and a connection string without its password. */
function shown(name: string, value: string): string {
  if (/SECRET|PASSWORD|PRIVATE|_KEY$/.test(name) || value.includes('PRIVATE KEY'))
    return `(hidden, ${value.length} characters)`;
  if (/_URI$/.test(name)) return JSON.stringify(value.replace(/\/\/[^@/]*@/, '//***@'));
  return JSON.stringify(value);
}

/**
 * For a composition root: load the config or print the problems and exit(1).
 * Exiting here is the one place a bad environment is allowed to stop the process.
 */
export function loadConfigOrExit<S extends z.ZodObject>(
  schema: S,
  env: Env = process.env,
  exit: (code: number) => never = (code) => process.exit(code),
): z.infer<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return exit(1);
    }
    throw error;
  }
}

/**
 * A service's `main`: config from the environment (or exit with the problems), start, and stop
 * gracefully on SIGTERM or SIGINT (exit 0 once stopped, 1 if stopping failed).
 */
export function runService<S extends z.ZodObject>(
  name: string,
  schema: S,
  start: (config: z.infer<S>) => Promise<{ stop(): Promise<void> }>,
): void {
  start(loadConfigOrExit(schema)).then(
    (running) => {
      const shutdown = (signal: string): void => {
        process.stderr.write(`${name}: ${signal}, stopping\n`);
        running.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(error);
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => {
        shutdown('SIGTERM');
      });
      process.once('SIGINT', () => {
        shutdown('SIGINT');
      });
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** Common value shapes, so every service reads ports, lists and flags the same way. */
export const env = {
  string: () => z.string().min(1),
  port: () => z.coerce.number().int().min(0).max(65535),
  positiveInt: () => z.coerce.number().int().positive(),
  durationMs: () => z.coerce.number().int().nonnegative(),
  list: () =>
    z
      .string()
      .transform((s) => s.split(',').map((part) => part.trim()))
      .pipe(z.array(z.string().min(1)).min(1)),
  bool: () =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
      .transform((s) => s === 'true' || s === '1' || s === 'yes'),
  /** PEM text of a public key (newlines may be written `\\n`); a private key here is refused. */
  publicKeyPem: () =>
    z.string().refine((s) => s.includes('-----BEGIN PUBLIC KEY-----'), {
      message:
        'expected a public key in PEM (-----BEGIN PUBLIC KEY-----); never give a service the private key',
    }),
  /** PEM text of a private key (newlines may be written `\\n`). */
  privateKeyPem: () =>
    z.string().refine((s) => s.includes('-----BEGIN PRIVATE KEY-----'), {
      message: 'expected a private key in PEM (-----BEGIN PRIVATE KEY-----, PKCS#8)',
    }),
  url: () => z.url(),
  logLevel: () => z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
  enumOf: <T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
};

/** What a service has: gRPC served, Kafka, MongoDB. */
export const SERVICE_LINKS: Links = { grpc: 'server', kafka: true, mongodb: true };

/** Settings that only make sense together: a certificate with its key, a SASL user with its mechanism. */
interface TransportConfig extends LinkSettings {
  TRUYVET_MODE?: string;
  LINKS_UNPROTECTED?: readonly LinkProtection[];
  GRPC_TLS_CLIENT_CA_FILE?: string | undefined;
  KAFKA_TLS_CA_FILE?: string | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
}

function refineTransport(config: TransportConfig, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => {
    ctx.addIssue({ code: 'custom', path: [path], message });
  };
  if (Boolean(config.GRPC_TLS_CERT_FILE) !== Boolean(config.GRPC_TLS_KEY_FILE))
    issue('GRPC_TLS_KEY_FILE', 'GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE go together');
  if (config.GRPC_TLS_CLIENT_CA_FILE && !config.GRPC_TLS_CERT_FILE)
    issue('GRPC_TLS_CLIENT_CA_FILE', 'mutual TLS needs the server certificate too (GRPC_TLS_CERT_FILE)');
  if (config.KAFKA_TLS_CA_FILE && !config.KAFKA_TLS)
    issue('KAFKA_TLS', 'KAFKA_TLS_CA_FILE is given: set KAFKA_TLS=true');
  if (config.KAFKA_SASL_MECHANISM && !(config.KAFKA_SASL_USERNAME && config.KAFKA_SASL_PASSWORD))
    issue('KAFKA_SASL_USERNAME', 'KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD');
  if (!config.KAFKA_SASL_MECHANISM && (config.KAFKA_SASL_USERNAME || config.KAFKA_SASL_PASSWORD))
    issue('KAFKA_SASL_MECHANISM', 'a Kafka user is given but no mechanism: it would be ignored');
}

/**
 * What every service reads: the mode, its gRPC address, Kafka, MongoDB, the token signing key
 * and the log level, plus its own settings. In real mode the brokers, the store, the key and
 * `requiredWhenReal` must be given; embedded (tests, quick start) needs none of them.
 */
export function serviceConfig<E extends z.ZodRawShape>(
  defaults: { grpcPort: number; database: string },
  extra: E,
  requiredWhenReal: ReadonlyArray<keyof E & string> = [],
) {
  return z
    .object({
      /** embedded: in-memory bus and store (tests, quick start); real: Kafka and MongoDB. */
      TRUYVET_MODE: env.enumOf(['embedded', 'real'] as const).default('embedded'),
      /** Loopback unless told: a deployment says on which interface it serves (0.0.0.0 in a container). */
      GRPC_HOST: env.string().default('127.0.0.1'),
      GRPC_PORT: env.port().default(defaults.grpcPort),
      KAFKA_BROKERS: env.list().optional(),
      MONGODB_URI: env.string().optional(),
      MONGODB_DB: env.string().default(defaults.database),
      /**
       * The database of the read audit (default MONGODB_DB). Its own lets a deployment grant the
       * service only find and insert there, so the trail is append-only by the server's rules.
       */
      AUDIT_DB: env.string().optional(),
      /** The token issuer's Ed25519 public key (PEM): the service checks tokens, it cannot make them. */
      AUTH_PUBLIC_KEY: env.publicKeyPem().optional(),
      /** Accept the repository's public development key in real mode: test machines only. */
      AUTH_ALLOW_DEVELOPMENT_KEY: env.bool().default(false),
      /** Health alone, in plaintext, on this port too: for probes that cannot speak TLS (the kubelet's). */
      GRPC_HEALTH_PORT: env.port().optional(),
      /**
       * The most items one client stream (a bulk import) may send; split bigger imports. A stream
       * is held whole before it is worked on (so a longer one is refused before any work).
       */
      GRPC_MAX_STREAM_ITEMS: env.positiveInt().default(10_000),
      /** The largest answer sent (bytes): a larger one is refused saying so (clients take 4 MiB). */
      GRPC_MAX_ANSWER_BYTES: env.positiveInt().default(4 * 1024 * 1024),
      /** The gRPC server's certificate and key (PEM files): TLS. */
      GRPC_TLS_CERT_FILE: env.string().optional(),
      GRPC_TLS_KEY_FILE: env.string().optional(),
      /** With it, a caller must present a certificate this CA signed (mutual TLS). */
      GRPC_TLS_CLIENT_CA_FILE: env.string().optional(),
      /** Reach Kafka over TLS; a private CA's certificate (PEM file) if the brokers' is not public. */
      KAFKA_TLS: env.bool().default(false),
      /**
       * Create missing topics (keeping their events for good). Unset: only on a broker of this
       * machine (a loopback address); a cluster's topics are made by the deploy's topics job.
       */
      KAFKA_CREATE_TOPICS: env.bool().optional(),
      KAFKA_TLS_CA_FILE: env.string().optional(),
      /** SASL with Kafka: the mechanism and this service's user. */
      KAFKA_SASL_MECHANISM: env.enumOf(['scram-sha-256', 'scram-sha-512', 'plain'] as const).optional(),
      KAFKA_SASL_USERNAME: env.string().optional(),
      KAFKA_SASL_PASSWORD: env.string().optional(),
      /** Protections a real deployment goes without (see ./links): none unless said. */
      LINKS_UNPROTECTED: linksUnprotected().default([]),
      LOG_LEVEL: env.logLevel().default('info'),
      /**
       * How long Kafka waits for a silent consumer before giving its partitions to another: a
       * killed instance's work resumes after this (the broker allows 6 s to 300 s).
       */
      KAFKA_SESSION_TIMEOUT_MS: env.durationMs().min(6_000).max(300_000).default(30_000),
      /**
       * Partitions an instance's consumer works on at once (order kept within each). kafkajs fetches
       * again only once every batch of the last fetch is done, so a partition left waiting idles.
       */
      CONSUMER_PARTITIONS_AT_ONCE: env.positiveInt().max(256).default(24),
      /**
       * Keys of one partition's batch worked on at once (order kept per key): their store reads and
       * writes go out together (ADR 13).
       */
      CONSUMER_KEYS_AT_ONCE: env.positiveInt().max(256).default(32),
      ...extra,
    })
    .superRefine((config, ctx) => {
      const values = config as Record<string, unknown>;
      const transport = config as TransportConfig;
      refineTransport(transport, ctx);
      if (
        values.GRPC_HEALTH_PORT !== undefined &&
        values.GRPC_HEALTH_PORT === values.GRPC_PORT &&
        values.GRPC_PORT !== 0
      )
        ctx.addIssue({ code: 'custom', path: ['GRPC_HEALTH_PORT'], message: 'must differ from GRPC_PORT' });
      if (values.TRUYVET_MODE !== 'real') return;
      for (const name of ['KAFKA_BROKERS', 'MONGODB_URI', 'AUTH_PUBLIC_KEY', ...requiredWhenReal]) {
        if (values[name] === undefined)
          ctx.addIssue({ code: 'custom', path: [name], message: 'is required when TRUYVET_MODE=real' });
      }
      refineLinks(transport, SERVICE_LINKS, ctx);
    });
}
