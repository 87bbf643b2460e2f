import { eventMessage, type Bus } from '@truyvet/bus';
import { createLogger, type Logger } from '@truyvet/log';
import type { ClaimedOutbox, OutboxSource, SavedWithEvents } from './types';

export interface RelayOptions {
  bus: Bus;
  sources: readonly OutboxSource[];
  logger?: Logger;
  /** Commits claimed per round: large, since each round reads the whole backlog (ADR 4). */
  batchSize?: number;
  /** How long a claim holds; a relay that dies mid-round is replaced after this. */
  leaseMs?: number;
  /** Idle poll interval; `notify()` wakes the relay at once after a local save. */
  pollIntervalMs?: number;
}

/**
 * Publishes the events commits left pending, then marks them published. Several relays may run
 * over the same collections: leases keep them off each other's commits (on FerretDB, whose
 * conditional updates are not atomic under concurrency, two relays can still both take one: a
 * duplicate, never a loss), and a relay that dies after publishing but before marking leaves the
 * events to be published again. So delivery is at-least-once and consumers dedup by event id.
 * Events of one aggregate go out in the order they were saved.
 */
export class OutboxRelay {
  private readonly bus: Bus;
  private readonly sources: readonly OutboxSource[];
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly pollIntervalMs: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private pendingWake = false;
  private published = 0;
  /** Commits saved by this process, waiting to be published at once (`publishSaved`). */
  private readonly saved = new Map<OutboxSource, Set<string>>();
  private draining: Promise<void> | undefined;
  private stopped = false;

  constructor(options: RelayOptions) {
    this.bus = options.bus;
    this.sources = options.sources;
    this.logger = options.logger ?? createLogger({ name: 'outbox-relay' });
    this.batchSize = options.batchSize ?? 1_000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
  }

  /** Events published since start. */
  get publishedCount(): number {
    return this.published;
  }

  /** One round over every source; returns the number of events published. */
  async publishPending(): Promise<number> {
    let total = 0;
    const failures: unknown[] = [];
    for (const source of this.sources) {
      try {
        total += await this.publishFrom(source);
      } catch (error) {
        failures.push(error); // one source's trouble must not hold up the others
      }
    }
    this.published += total;
    if (failures.length > 0) throw failures[0];
    return total;
  }

  private async publishFrom(source: OutboxSource): Promise<number> {
    return this.publishClaims(source, await source.claimPending(this.batchSize, this.leaseMs));
  }

  /**
   * Commits this process has just saved: published at once, from the commit, without reading the
   * backlog (ADR 13). Saves made while a publish is under way go out together in the next one. What
   * cannot go out at once (an earlier commit of the aggregate still pending, a lease held
   * elsewhere, the broker away) is left to the next round.
   */
  publishSaved(source: OutboxSource, commitIds: readonly string[]): void {
    if (this.stopped) return; // the next start's round publishes them
    const queued = this.saved.get(source) ?? new Set<string>();
    for (const id of commitIds) queued.add(id);
    this.saved.set(source, queued);
    this.draining ??= this.drainSaved();
  }

  private async drainSaved(): Promise<void> {
    try {
      while (this.saved.size > 0) await this.publishSavedBatch();
    } finally {
      // In the same turn as the loop's last check: a save told after this starts a new drain.
      this.draining = undefined;
    }
  }

  private async publishSavedBatch(): Promise<void> {
    const batch = [...this.saved];
    this.saved.clear();
    await Promise.all(
      batch.map(async ([source, ids]) => {
        let published = 0;
        try {
          const claims = await source.claimSaved([...ids], this.leaseMs);
          this.published += await this.publishClaims(source, claims);
          published = claims.length;
        } catch (error) {
          this.logger.warn(
            { err: error, source: source.name },
            'could not publish saved events at once; the next round will',
          );
        }
        if (published < ids.size) this.notify();
      }),
    );
  }

  private async publishClaims(source: OutboxSource, claims: readonly ClaimedOutbox[]): Promise<number> {
    if (claims.length === 0) return 0;
    const messages = claims.flatMap((claim) => claim.entries.map(eventMessage));
    try {
      await this.bus.publish(messages);
    } catch (error) {
      await source.release(claims).catch((releaseError: unknown) => {
        this.logger.warn({ err: releaseError }, 'could not release outbox claims; their lease will run out');
      });
      throw error;
    }
    await source.markPublished(claims);
    return messages.length;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the round (and the publishing of saved commits) in hand, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    this.notify();
    await this.loop;
    await this.draining;
  }

  /** A save just happened: publish now rather than at the next poll. */
  notify(): void {
    this.pendingWake = true;
    this.wake?.();
  }

  // A method, not an inline test: `notify()` and `stop()` change these during the awaits above.
  private wokenOrStopping(): boolean {
    return this.pendingWake || !this.running;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.pendingWake = false;
      try {
        const published = await this.publishPending();
        failures = 0;
        if (published > 0) continue; // there may be more
      } catch (error) {
        failures++;
        this.logger.warn(
          { err: error, failures },
          'outbox relay round failed; events stay pending and are retried',
        );
      }
      if (this.wokenOrStopping()) continue;
      const wait = failures > 0 ? Math.min(10_000, this.pollIntervalMs * 2 ** failures) : this.pollIntervalMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}

/**
 * The relay of a service, which its stores wake after each save: the stores are built first (with
 * `wake`), the relay once the bus and the stores exist (`start`).
 */
export function deferredRelay(): { wake: SavedWithEvents; start: (options: RelayOptions) => OutboxRelay } {
  let relay: OutboxRelay | undefined;
  return {
    wake: (source, commitIds) => relay?.publishSaved(source, commitIds),
    start: (options) => {
      relay = new OutboxRelay(options);
      relay.start();
      return relay;
    },
  };
}
