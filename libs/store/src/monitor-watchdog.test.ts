import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createLogger } from '@truyvet/log';
import { reconnectWhenMonitorSilent, type MonitoredClient } from './mongo';

/** A client whose monitor events the test emits, counting reconnections. */
class FakeClient extends EventEmitter implements MonitoredClient {
  closes = 0;
  connects = 0;
  failConnect = false;
  close(): Promise<void> {
    this.closes++;
    return Promise.resolve();
  }
  connect(): Promise<unknown> {
    this.connects++;
    return this.failConnect ? Promise.reject(new Error('store still away')) : Promise.resolve(this);
  }
  describe(type: string): void {
    this.emit('serverDescriptionChanged', { newDescription: { type } });
  }
}

const logger = createLogger({ name: 'watchdog-test', level: 'silent' });

describe('reconnectWhenMonitorSilent', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('reconnects a client whose monitor stays silent while the store is unreachable', async () => {
    const client = new FakeClient();
    const stop = reconnectWhenMonitorSilent(client, logger, { silentMs: 30_000, checkEveryMs: 5_000 });
    client.describe('Unknown');
    await jest.advanceTimersByTimeAsync(25_000);
    expect(client.connects).toBe(0);
    await jest.advanceTimersByTimeAsync(10_000);
    expect([client.closes, client.connects]).toEqual([1, 1]);
    stop();
  });

  it('leaves a client alone while its monitor keeps checking, or while the store is reachable', async () => {
    const client = new FakeClient();
    const stop = reconnectWhenMonitorSilent(client, logger, { silentMs: 30_000, checkEveryMs: 5_000 });
    client.describe('Unknown');
    for (let i = 0; i < 20; i++) {
      await jest.advanceTimersByTimeAsync(500);
      client.emit('serverHeartbeatFailed');
    }
    client.describe('Standalone');
    // Reachable and quiet (no operations, a monitor between checks): not a stuck monitor.
    await jest.advanceTimersByTimeAsync(120_000);
    expect(client.connects).toBe(0);
    stop();
  });

  it('tries again when the store is still away at the reconnection', async () => {
    const client = new FakeClient();
    client.failConnect = true;
    const stop = reconnectWhenMonitorSilent(client, logger, { silentMs: 30_000, checkEveryMs: 5_000 });
    client.describe('Unknown');
    await jest.advanceTimersByTimeAsync(35_000);
    expect(client.connects).toBe(1);
    client.failConnect = false;
    await jest.advanceTimersByTimeAsync(35_000);
    expect(client.connects).toBe(2);
    stop();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(client.connects).toBe(2);
  });
});
