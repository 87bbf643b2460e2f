/**
 * Failed sign-ins, counted per username and address: after a few in a row the pair waits a while,
 * so a password cannot be guessed at the speed of the network. Per address as well as username,
 * so that someone failing on purpose elsewhere does not lock a ward team out of its own account.
 * Kept in the gateway's memory: a restart forgets the count (the scrypt hash still makes each guess
 * slow), and with several gateways each counts its own.
 */
export const FAILURES_ALLOWED = 5;
export const LOCKED_MINUTES = 15;
/** Beyond this many pairs, old ones are forgotten first (a spray of usernames must not fill memory). */
const PAIRS_KEPT = 10_000;

export class SignInThrottle {
  /** Failure times (epoch ms) within the last LOCKED_MINUTES, by pair. */
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Whole minutes until the pair may try again; 0 when it may now. */
  minutesLocked(username: string, from: string): number {
    const recent = this.recent(`${username}|${from}`);
    if (recent.length < FAILURES_ALLOWED) return 0;
    const until = (recent[recent.length - FAILURES_ALLOWED] ?? 0) + LOCKED_MINUTES * 60_000;
    return Math.max(0, Math.ceil((until - this.now().getTime()) / 60_000));
  }

  failed(username: string, from: string): void {
    const key = `${username}|${from}`;
    this.failures.set(key, [...this.recent(key), this.now().getTime()].slice(-FAILURES_ALLOWED));
    if (this.failures.size > PAIRS_KEPT) {
      for (const pair of [...this.failures.keys()])
        if (this.recent(pair).length === 0) this.failures.delete(pair);
      // Still too many: the oldest inserted go (a Map keeps insertion order).
      for (const pair of this.failures.keys()) {
        if (this.failures.size <= PAIRS_KEPT) break;
        this.failures.delete(pair);
      }
    }
  }

  /** Pairs being counted. */
  get pairs(): number {
    return this.failures.size;
  }

  succeeded(username: string, from: string): void {
    this.failures.delete(`${username}|${from}`);
  }

  private recent(key: string): number[] {
    const since = this.now().getTime() - LOCKED_MINUTES * 60_000;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }
}
