/**
 * Where the integration and end-to-end suites find their real servers. Resolved once by the jest
 * global setup and handed to the test workers through the environment.
 */
export interface Infra {
  kafkaBrokers: string[];
  mongoUri: string;
  /** How the servers were found: given by the environment, testcontainers, or deploy/local. */
  source: string;
  versions: { kafka?: string; mongo?: string };
  /** The same servers' encrypted, authenticated endpoints (deploy/local's LOCAL_* lines), when known. */
  secured?: SecuredEndpoints;
}

export interface SecuredEndpoints {
  /** deploy/local/certs.sh's directory: ca.crt, server.crt/.key, client.crt/.key/.pem. */
  tlsDir: string;
  /** Kafka's SASL_SSL listener (SCRAM-SHA-512) and its user. */
  kafkaBrokers: string[];
  kafkaUsername: string;
  kafkaPassword: string;
  /** FerretDB's TLS listener, where a client presents a certificate of the CA. */
  mongoAddress: string;
}

/** The secured endpoints from deploy/local's LOCAL_* lines (in the environment or its output). */
export function securedFrom(
  vars: Readonly<Record<string, string | undefined>>,
): SecuredEndpoints | undefined {
  const tlsDir = vars.LOCAL_TLS_DIR;
  const brokers = vars.LOCAL_KAFKA_SASL_SSL_BROKERS;
  const username = vars.LOCAL_KAFKA_SASL_USERNAME;
  const password = vars.LOCAL_KAFKA_SASL_PASSWORD;
  const mongoAddress = vars.LOCAL_MONGODB_TLS_ADDRESS;
  if (!tlsDir || !brokers || !username || !password || !mongoAddress) return undefined;
  return {
    tlsDir,
    kafkaBrokers: brokers.split(',').map((b) => b.trim()),
    kafkaUsername: username,
    kafkaPassword: password,
    mongoAddress,
  };
}

export const INFRA_ENV = 'TRUYVET_TEST_INFRA';
export const INFRA_UNAVAILABLE_ENV = 'TRUYVET_TEST_INFRA_UNAVAILABLE';

export function readInfra(): Infra | { unavailable: string } {
  const raw = process.env[INFRA_ENV];
  if (raw) return JSON.parse(raw) as Infra;
  return {
    unavailable:
      process.env[INFRA_UNAVAILABLE_ENV] ??
      'the jest global setup did not run (start the suites through jest with the repo config)',
  };
}
