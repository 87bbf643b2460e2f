import { describe, expect, it } from '@jest/globals';
import { InMemoryBus } from '@truyvet/bus';
import { DEV_VERIFYING_KEY } from '@truyvet/grpc';
import { startService } from './host';
import { describeServiceHost, EMBEDDED_CONFIG } from './host.suite';

describeServiceHost(
  'embedded',
  () => Promise.resolve({ config: EMBEDDED_CONFIG, bus: new InMemoryBus(), prefix: 'embedded' }),
  'memory',
);

describe('a host in real mode fails closed on its token key', () => {
  // No servers are needed: the key is checked before anything connects or starts.
  const real = {
    ...EMBEDDED_CONFIG,
    TRUYVET_MODE: 'real' as const,
    KAFKA_BROKERS: ['127.0.0.1:1'],
    MONGODB_URI: 'mongodb://127.0.0.1:1/',
  };

  it('does not start without the issuer public key', async () => {
    await expect(startService(real, { name: 'no-key' })).rejects.toThrow('AUTH_PUBLIC_KEY is required');
  });

  it('does not start with the public development key, which anybody can sign for', async () => {
    await expect(
      startService({ ...real, AUTH_PUBLIC_KEY: DEV_VERIFYING_KEY }, { name: 'dev-key' }),
    ).rejects.toThrow('public development key');
  });
});
