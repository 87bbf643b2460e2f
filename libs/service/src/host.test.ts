import { describe, expect, it } from '@jest/globals';
import { InMemoryBus } from '@truyvet/bus';
import { DEV_VERIFYING_KEY } from '@truyvet/grpc';
import { onThisMachine, startService } from './host';
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

describe('which brokers a service makes topics on by default', () => {
  it('a broker on this machine (a loopback address): yes', () => {
    for (const broker of ['127.0.0.1:9092', 'localhost:9092', '127.0.1.1:19092', '[::1]:9092'])
      expect([broker, onThisMachine(broker)]).toEqual([broker, true]);
  });

  it('a broker of a cluster: no, the deploy makes them', () => {
    for (const broker of ['kafka:9092', 'kafka-0.kafka.truyvet.svc:9093', '10.0.0.7:9092', '[fd00::1]:9092'])
      expect([broker, onThisMachine(broker)]).toEqual([broker, false]);
  });
});
