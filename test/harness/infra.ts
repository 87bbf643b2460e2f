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
