/**
 * What a service in real mode goes without on a test machine's loopback (test fleets, benchmarks,
 * the quick start on real servers): tokens signed with the repository's development key, and every
 * link's TLS and authentication. Never a deployment's settings (ADR 15).
 */
import { ALL_LINKS_UNPROTECTED } from '@truyvet/config';
import { DEV_VERIFYING_KEY } from '@truyvet/grpc';

export const ON_A_TEST_MACHINE = {
  AUTH_PUBLIC_KEY: DEV_VERIFYING_KEY,
  AUTH_ALLOW_DEVELOPMENT_KEY: 'true',
  LINKS_UNPROTECTED: ALL_LINKS_UNPROTECTED,
} as const;
