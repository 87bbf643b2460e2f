import { describe, expect, it } from '@jest/globals';
import { ADDRESS_FAILURES_ALLOWED, FAILURES_ALLOWED, LOCKED_MINUTES, SignInThrottle } from './throttle';

describe('SignInThrottle', () => {
  let clock = new Date('2021-08-25T08:00:00+07:00').getTime();
  const throttle = new SignInThrottle(() => new Date(clock));
  const later = (ms: number) => {
    clock += ms;
  };

  it('lets a pair fail a few times, then makes it wait, and only that pair', () => {
    for (let i = 0; i < FAILURES_ALLOWED - 1; i++) throttle.failed('tyt-an-binh', '10.0.0.7');
    expect(throttle.minutesLocked('tyt-an-binh', '10.0.0.7')).toBe(0);
    throttle.failed('tyt-an-binh', '10.0.0.7');
    expect(throttle.minutesLocked('tyt-an-binh', '10.0.0.7')).toBe(LOCKED_MINUTES);
    // The same user from the ward's own office, and another user from the same address, may try.
    expect(throttle.minutesLocked('tyt-an-binh', '10.0.0.8')).toBe(0);
    expect(throttle.minutesLocked('tyt-xuan-khanh', '10.0.0.7')).toBe(0);
    later(10 * 60_000);
    expect(throttle.minutesLocked('tyt-an-binh', '10.0.0.7')).toBe(LOCKED_MINUTES - 10);
    later(5 * 60_000 + 1);
    expect(throttle.minutesLocked('tyt-an-binh', '10.0.0.7')).toBe(0);
  });

  it('forgets the failures of a pair that signs in', () => {
    for (let i = 0; i < FAILURES_ALLOWED - 1; i++) throttle.failed('ttyt-916', '10.0.0.9');
    throttle.succeeded('ttyt-916', '10.0.0.9');
    throttle.failed('ttyt-916', '10.0.0.9');
    expect(throttle.minutesLocked('ttyt-916', '10.0.0.9')).toBe(0);
  });

  it('makes an address that fails over many usernames wait, and no other address', () => {
    for (let i = 0; i < ADDRESS_FAILURES_ALLOWED - 1; i++)
      throttle.failed(`user-${String(i)}`, '198.51.100.9');
    expect(throttle.minutesLocked('tyt-thoi-an', '198.51.100.9')).toBe(0);
    throttle.failed('one-more', '198.51.100.9');
    // A username it never tried waits too, from that address only.
    expect(throttle.minutesLocked('tyt-thoi-an', '198.51.100.9')).toBe(LOCKED_MINUTES);
    expect(throttle.minutesLocked('tyt-thoi-an', '10.0.0.12')).toBe(0);
    later(LOCKED_MINUTES * 60_000 + 1);
    expect(throttle.minutesLocked('tyt-thoi-an', '198.51.100.9')).toBe(0);
  });

  it('keeps a bounded number of pairs under a spray of usernames', () => {
    for (let i = 0; i < 10_050; i++) throttle.failed(`guess-${String(i)}`, `203.0.${String(i % 250)}.5`);
    throttle.failed('tyt-long-tuyen', '10.0.0.3');
    expect(throttle.pairs).toBeLessThanOrEqual(10_000);
    for (let i = 0; i < FAILURES_ALLOWED - 1; i++) throttle.failed('tyt-long-tuyen', '10.0.0.3');
    expect(throttle.minutesLocked('tyt-long-tuyen', '10.0.0.3')).toBe(LOCKED_MINUTES);
  });
});
