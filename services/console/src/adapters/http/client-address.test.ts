import { describe, expect, it } from '@jest/globals';
import type http from 'node:http';
import { clientAddress } from './sessions';

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as http.IncomingMessage;

describe('the browser address failed sign-ins are counted by', () => {
  const proxies = ['10.0.0.2', '10.0.0.3'];

  it('is the peer when the peer is not one of our proxies, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('203.0.113.7', '1.2.3.4'), proxies)).toBe('203.0.113.7');
    expect(clientAddress(request('203.0.113.7', '1.2.3.4'), [])).toBe('203.0.113.7');
  });

  it('is the first address from the right that no proxy of ours wrote', () => {
    // A browser may put anything first; our proxies append what they saw.
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, 198.51.100.4, 10.0.0.3'), proxies)).toBe(
      '198.51.100.4',
    );
    expect(clientAddress(request('10.0.0.2', '198.51.100.4'), proxies)).toBe('198.51.100.4');
  });

  it('is the proxy itself when it forwarded nothing usable', () => {
    expect(clientAddress(request('10.0.0.2'), proxies)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '10.0.0.3'), proxies)).toBe('10.0.0.2');
  });
});
