import { eventMessage, type Bus } from '@truyvet/bus';
import { createLogger, type Logger } from '@truyvet/log';
import type { OutboxEntry, OutboxSource, PendingCommit, SavedWithEvents } from './types';

export interface RelayOptions {
  bus: Bus;
  sources: readonly OutboxSource[];
  logger?: Logger;
  /** Commits published per backlog round, at most. */
  batchSize?: number;
  /**
   * How long this relay leaves a pending commit it has just seen to its writer, who publishes it
   * itself within milliseconds; timed by this relay's clock from when it first saw the commit, so
   * hosts' clocks need not agree. Taking one early costs a duplicate, never a loss.
   */
  graceMs?: number;
  /** A marker seen this long (by this relay's clock) without its commit is dropped: its writer died. */
  orphanAfterMs?: number;
  /**
   * Rounds over the backlog run at start, when told (`notify`: a save that could not go out at
   * once, or another instance gone: `takeOver`), and at this interval as a safety net.
   */
  pollIntervalMs?: number;
}

/**
 * Publishes the events of saved commits, then marks them published (ADR 13). The writer hands its
 * commits over as it saves them (`publishSaved`) and they go out at once, from memory: no read of
 * the backlog and no lease. The backlog (what a writer could not publish: the broker away, an
 * earlier commit of the aggregate not out yet, a writer that died) is read in rounds, and a commit
 * in it is taken only once this relay has seen it pending for `graceMs`. Several relays may read
 * one backlog; two that take the same commit publish it twice, which consumers absorb (they dedup
 * by event id), so delivery is at-least-once. One aggregate's events go out in the order saved.
 */
export class OutboxRelay {
  private readonly bus: Bus;
  private readonly sources: readonly OutboxSource[];
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly graceMs: number;
  private readonly orphanAfterMs: number;
  private readonly pollIntervalMs: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private pendingWake = false;
  private published = 0;
  /** Commits saved by this process, waiting to be published at once (`publishSaved`). */
  private readonly saved = new Map<OutboxSource, Map<string, OutboxEntry>>();
  private draining: Promise<void> | undefined;
  private stopped = false;
  /** When this relay first saw each pending mark, by its own clock: source name -> mark -> ms. */
  private readonly firstSeen = new Map<string, Map<string, number>>();
  /** The soonest a seen commit ripens (ms since epoch, this clock), for the next round. */
  private nextRipe = Infinity;

  constructor(options: RelayOptions) {
    this.bus = options.bus;
    this.sources = options.sources;
    this.logger = options.logger ?? createLogger({ name: 'outbox-relay' });
    this.batchSize = options.batchSize ?? 1_000;
    this.graceMs = options.graceMs ?? 5_000;
    this.orphanAfterMs = Math.max(options.orphanAfterMs ?? 60_000, this.graceMs);
    this.pollIntervalMs = options.pollIntervalMs ?? 30_000;
  }

  /** Events published since start. */
  get publishedCount(): number {
    return this.published;
  }

  /** One round over every source's backlog; returns the number of events published. */
  async publishPending(): Promise<number> {
    let total = 0;
    const failures: unknown[] = [];
    this.nextRipe = Infinity;
    for (const source of this.sources) {
      try {
        total += await this.publishBacklog(source);
      } catch (error) {
        failures.push(error); // one source's trouble must not hold up the others
      }
    }
    this.published += total;
    if (failures.length > 0) throw failures[0];
    return total;
  }

  private async publishBacklog(source: OutboxSource): Promise<number> {
    const markers = await source.backlog();
    const now = Date.now();
    const seen = this.firstSeen.get(source.name) ?? new Map<string, number>();
    const stillThere = new Map<string, number>();
    for (const m of markers) stillThere.set(m.mark, seen.get(m.mark) ?? now);
    this.firstSeen.set(source.name, stillThere); // forgets the marks that left
    const age = (m: PendingCommit): number => now - (stillThere.get(m.mark) ?? now);
    const ripe = markers.filter((m) => age(m) >= this.graceMs);
    for (const m of markers)
      if (age(m) < this.graceMs) this.nextRipe = Math.min(this.nextRipe, now + this.graceMs - age(m));
    if (ripe.length === 0) return 0;

    const commits = new Map((await source.committed(ripe.map((m) => m.id))).map((c) => [c.id, c]));
    const orphans = ripe.filter((m) => !commits.has(m.id) && age(m) >= this.orphanAfterMs);
    if (orphans.length > 0) {
      // Re-checked just above (`committed`): a writer this late publishes its commit itself.
      this.logger.warn(
        { source: source.name, orphans: orphans.map((m) => m.id) },
        'dropping pending markers whose commit never came',
      );
      await source.dropOrphans(orphans);
    }
    // An aggregate's commits go out in version order, so one waits while an earlier one cannot go.
    const blocked = new Set<string>();
    const ready: OutboxEntry[] = [];
    for (const m of [...markers].sort((a, b) => a.version - b.version)) {
      const commit = commits.get(m.id);
      if (blocked.has(m.aggregateId) || !commit || ready.length >= this.batchSize) {
        if (!orphans.includes(m)) blocked.add(m.aggregateId);
        continue;
      }
      ready.push(commit);
    }
    return this.publishEntries(source, inAggregateOrder(ready));
  }

  /**
   * Commits this process has just saved: published at once, from memory (ADR 13). Saves made while
   * a publish is under way go out together in the next one. What cannot go out at once (an earlier
   * commit of the aggregate still pending, the broker away) is left to a backlog round.
   */
  publishSaved(source: OutboxSource, saved: readonly OutboxEntry[]): void {
    if (this.stopped) return; // the next start's round publishes them
    if (saved.length === 0) {
      this.notify(); // saved, but not to go out at once (`SavedWithEvents`): the backlog has them
      return;
    }
    const queued = this.saved.get(source) ?? new Map<string, OutboxEntry>();
    for (const entry of saved) queued.set(entry.id, entry);
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
      batch.map(async ([source, queued]) => {
        const entries = [...queued.values()];
        let published = 0;
        try {
          const behind = await source.waitingBehind(entries);
          const ready = entries.filter((e) => !behind.has(e.id));
          this.published += await this.publishEntries(source, inAggregateOrder(ready));
          published = ready.length;
        } catch (error) {
          this.logger.warn(
            { err: error, source: source.name },
            'could not publish saved events at once; a backlog round will',
          );
        }
        if (published < entries.length) this.notify();
      }),
    );
  }

  private async publishEntries(source: OutboxSource, entries: readonly OutboxEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const messages = entries.flatMap((entry) => entry.entries.map(eventMessage));
    await this.bus.publish(messages);
    await source.markPublished(entries.map((e) => e.id));
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

  /** Something is in the backlog (a save that could not go out at once): a round now. */
  notify(): void {
    this.pendingWake = true;
    this.wake?.();
  }

  /**
   * Another instance may be gone (its consumers' partitions came to this one): a round over the
   * backlog it may have left, timed from now by this relay's clock.
   */
  takeOver(): void {
    this.notify();
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
      const untilRipe = Math.max(0, this.nextRipe - Date.now());
      const wait =
        failures > 0 ? Math.min(10_000, 250 * 2 ** failures) : Math.min(this.pollIntervalMs, untilRipe + 10);
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

/** Keeps the order of first appearance of each aggregate, and each aggregate's commits by version. */
export function inAggregateOrder<T extends { aggregateId: string; version: number }>(
  entries: readonly T[],
): T[] {
  const byAggregate = new Map<string, T[]>();
  for (const entry of entries) {
    byAggregate.set(entry.aggregateId, [...(byAggregate.get(entry.aggregateId) ?? []), entry]);
  }
  return [...byAggregate.values()].flatMap((list) => list.sort((a, b) => a.version - b.version));
}

/**
 * The relay of a service, which its stores hand their saves to: the stores are built first (with
 * `wake`), the relay once the bus and the stores exist (`start`).
 */
export function deferredRelay(): { wake: SavedWithEvents; start: (options: RelayOptions) => OutboxRelay } {
  let relay: OutboxRelay | undefined;
  return {
    wake: (source, saved) => relay?.publishSaved(source, saved),
    start: (options) => {
      relay = new OutboxRelay(options);
      relay.start();
      return relay;
    },
  };
}
