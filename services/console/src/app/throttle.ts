/**
 * Failed sign-ins, counted per username and address: after a few in a row the pair waits a while,
 * so a password cannot be guessed at the speed of the network. Per address as well as username,
 * so that someone failing on purpose elsewhere does not lock a ward team out of its own account.
 * Kept in the gateway's memory: a restart forgets the count (the scrypt hash still makes each guess
 * slow), and with several gateways each counts its own.
 */
export const FAILURES_ALLOWED = 5;
export const LOCKED_MINUTES = 15;
/**
 * Failures one address may make across all usernames in LOCKED_MINUTES before it waits too: a
 * spray of guesses over many accounts, which the per-pair count alone would let through. High
 * enough for a ward office behind one address where a few people mistype.
 */
export const ADDRESS_FAILURES_ALLOWED = 30;
/** Beyond this many pairs, old ones are forgotten first (a spray of usernames must not fill memory). */
const PAIRS_KEPT = 10_000;

export class SignInThrottle {
  /** Failure times (epoch ms) within the last LOCKED_MINUTES, by pair. */
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Whole minutes until the pair may try again (and its address, across usernames); 0 when it may now. */
  minutesLocked(username: string, from: string): number {
    return Math.max(
      this.lockedFor(`${username}|${from}`, FAILURES_ALLOWED),
      this.lockedFor(`*|${from}`, ADDRESS_FAILURES_ALLOWED),
    );
  }

  private lockedFor(key: string, allowed: number): number {
    const recent = this.recent(key);
    if (recent.length < allowed) return 0;
    const until = (recent[recent.length - allowed] ?? 0) + LOCKED_MINUTES * 60_000;
    return Math.max(0, Math.ceil((until - this.now().getTime()) / 60_000));
  }

  failed(username: string, from: string): void {
    const key = `${username}|${from}`;
    const at = this.now().getTime();
    this.failures.set(key, [...this.recent(key), at].slice(-FAILURES_ALLOWED));
    const address = `*|${from}`;
    this.failures.set(address, [...this.recent(address), at].slice(-ADDRESS_FAILURES_ALLOWED));
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
