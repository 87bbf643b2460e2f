/**
 * The links of a deployment and what protects them. In real mode every link is encrypted and its
 * client authenticated, or the deployment says which protection it goes without and why it may
 * (LINKS_UNPROTECTED: a test machine on loopback, a mesh that encrypts for it): the default fails
 * closed.
 */
import { z } from 'zod';

export const LINK_PROTECTIONS = [
  'grpc-tls',
  'kafka-tls',
  'kafka-auth',
  'mongodb-tls',
  'mongodb-auth',
] as const;
export type LinkProtection = (typeof LINK_PROTECTIONS)[number];

/** Every protection waived: a test fleet or a benchmark on one machine's loopback. */
export const ALL_LINKS_UNPROTECTED = LINK_PROTECTIONS.join(',');

/** LINKS_UNPROTECTED: a comma-separated list of the protections above (empty: none waived). */
export const linksUnprotected = () =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(LINK_PROTECTIONS, { message: `one of ${LINK_PROTECTIONS.join(', ')}` })));

/** The settings that protect the links (each service reads those of the links it has). */
export interface LinkSettings {
  GRPC_TLS_CERT_FILE?: string | undefined;
  GRPC_TLS_KEY_FILE?: string | undefined;
  /** A gRPC client's (the console's): call the services over TLS. */
  GRPC_TLS?: boolean | undefined;
  KAFKA_TLS?: boolean | undefined;
  KAFKA_SASL_MECHANISM?: string | undefined;
  MONGODB_URI?: string | undefined;
}

/**
 * Whether a MongoDB connection string asks for TLS (`tls=true`, `ssl=true`, or an SRV record's
 * default) that checks the server's certificate.
 */
export function mongoUriUsesTls(uri: string): boolean {
  const options = new URLSearchParams(uri.split('?')[1] ?? '');
  // TLS that accepts any certificate or host encrypts for whoever answers: not protected.
  for (const lax of ['tlsInsecure', 'tlsAllowInvalidCertificates', 'tlsAllowInvalidHostnames'])
    if (options.get(lax) === 'true') return false;
  const flag = options.get('tls') ?? options.get('ssl');
  if (flag !== null) return flag === 'true';
  return uri.startsWith('mongodb+srv://');
}

/**
 * Whether a MongoDB connection string authenticates the client: a user in it, a mechanism named,
 * or a client certificate presented (to a server that requires one, as FerretDB does with a CA).
 */
export function mongoUriAuthenticates(uri: string): boolean {
  const authority = uri.replace(/^mongodb(\+srv)?:\/\//, '').split('/')[0] ?? '';
  const userinfo = authority.includes('@') ? authority.slice(0, authority.lastIndexOf('@')) : '';
  const options = new URLSearchParams(uri.split('?')[1] ?? '');
  // A user with a password, a mechanism that needs none (X.509, AWS, Kerberos), or a certificate.
  return /^[^:]+:.+$/.test(userinfo) || options.has('authMechanism') || options.has('tlsCertificateKeyFile');
}

/** The links a program has: gRPC served or called, Kafka, MongoDB. */
export interface Links {
  grpc: 'server' | 'client' | false;
  kafka: boolean;
  mongodb: boolean;
}

/** The protections these settings leave out, each with the setting that would give it. */
export function missingProtections(
  settings: LinkSettings,
  links: Links,
): Array<{ protection: LinkProtection; setting: string; hint: string }> {
  const missing: Array<{ protection: LinkProtection; setting: string; hint: string }> = [];
  if (links.grpc === 'server' && !(settings.GRPC_TLS_CERT_FILE && settings.GRPC_TLS_KEY_FILE))
    missing.push({
      protection: 'grpc-tls',
      setting: 'GRPC_TLS_CERT_FILE',
      hint: 'gRPC is served in plaintext: give GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE',
    });
  if (links.grpc === 'client' && !settings.GRPC_TLS)
    missing.push({
      protection: 'grpc-tls',
      setting: 'GRPC_TLS',
      hint: 'the services are called in plaintext: set GRPC_TLS=true (and GRPC_TLS_CA_FILE for a private CA)',
    });
  if (links.kafka && !settings.KAFKA_TLS)
    missing.push({
      protection: 'kafka-tls',
      setting: 'KAFKA_TLS',
      hint: 'Kafka is reached in plaintext: set KAFKA_TLS=true (and KAFKA_TLS_CA_FILE for a private CA)',
    });
  if (links.kafka && !settings.KAFKA_SASL_MECHANISM)
    missing.push({
      protection: 'kafka-auth',
      setting: 'KAFKA_SASL_MECHANISM',
      hint: 'Kafka is reached without SASL: give KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD',
    });
  if (links.mongodb && settings.MONGODB_URI && !mongoUriUsesTls(settings.MONGODB_URI))
    missing.push({
      protection: 'mongodb-tls',
      setting: 'MONGODB_URI',
      hint: 'MongoDB is reached in plaintext: add tls=true (and tlsCAFile) to MONGODB_URI',
    });
  if (links.mongodb && settings.MONGODB_URI && !mongoUriAuthenticates(settings.MONGODB_URI))
    missing.push({
      protection: 'mongodb-auth',
      setting: 'MONGODB_URI',
      hint: 'MongoDB is reached without authentication: put a user in MONGODB_URI, or a client certificate (tlsCertificateKeyFile)',
    });
  return missing;
}

/** Adds a config issue for each protection missing and not waived (real mode only). */
export function refineLinks(
  config: LinkSettings & { TRUYVET_MODE?: string; LINKS_UNPROTECTED?: readonly LinkProtection[] },
  links: Links,
  ctx: z.RefinementCtx,
): void {
  if (config.TRUYVET_MODE !== 'real') return;
  const waived = new Set(config.LINKS_UNPROTECTED ?? []);
  for (const { protection, setting, hint } of missingProtections(config, links)) {
    if (waived.has(protection)) continue;
    ctx.addIssue({
      code: 'custom',
      path: [setting],
      message: `${hint}; or, where it may go without (a test machine, a mesh that encrypts for it), LINKS_UNPROTECTED=${protection}`,
    });
  }
}
