import { DomainError } from '@truyvet/errors';
import { ConcurrencyError, type AggregateStore, type Change, type Versioned } from './types';

/** The ids filed under one key. */
export interface KeyIndexState {
  ids: string[];
}

/** How often a batch of entries is tried again when another writer moved one of its keys. */
const ATTEMPTS = 5;

/** The entry that says the index was built from what existed before it (keys never start with '#'). */
export const KEY_INDEX_BUILT = '#built';
const BUILT = KEY_INDEX_BUILT;

/**
 * Ids by a natural key that is not their `_id` (a person's open test orders, the pools waiting for a
 * person), kept as one document per key whose `_id` is the key: a lookup is one read by `_id`,
 * whatever the size of the collection (ARCHITECTURE.md, "The hot path"; ADR 13), where a query on
 * the other field would read every document on FerretDB.
 *
 * A superset, by design: entries are added before the change that makes them true is saved (so a
 * crash in between leaves an id too many, never one too few) and are not removed; whoever reads
 * loads the ids and checks them. Each key's document is saved with the store's optimistic
 * concurrency, so concurrent writers lose nothing. So its store need not look for headless
 * aggregates (`probeHeadless: false`): a key's first version whose writer died before the head
 * files only ids whose change was never saved. Since 5 Dec 2026 a new key is its head alone
 * (`firstVersionInHead`, an insert that cannot be half done); a first version written by earlier
 * releases as a commit without its head is read as no key, and the next add makes the key anew.
 */
export class KeyIndex {
  /** Adds asked for while another is under way: they go out together, in the next one. */
  private queued: Array<{
    entries: ReadonlyArray<{ key: string; id: string }>;
    resolve: () => void;
    reject: (error: unknown) => void;
  }> = [];
  private adding: Promise<void> | undefined;

  constructor(private readonly store: AggregateStore<KeyIndexState>) {}

  async idsOf(key: string): Promise<string[]> {
    return (await this.store.load(key))?.state.ids ?? [];
  }

  /** The ids of each key that has any: one read for all. */
  async idsOfEach(keys: readonly string[]): Promise<Map<string, string[]>> {
    const found = await this.store.loadMany(keys);
    return new Map([...found].map(([key, entry]) => [key, entry.state.ids]));
  }

  /**
   * Files ids under keys: one read and one write for the whole batch, and for the adds asked for
   * while it is under way (the next batch). Alone, an add goes out at once; side by side (the
   * members of one household registered in one consumer batch), adds of one key no longer race
   * each other's versions and try again, they share one write (ADR 13).
   */
  add(entries: ReadonlyArray<{ key: string; id: string }>): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.queued.push({ entries, resolve, reject }));
    this.adding ??= this.addQueued();
    return done;
  }

  private async addQueued(): Promise<void> {
    try {
      while (this.queued.length > 0) {
        const batch = this.queued.splice(0);
        try {
          await this.addNow(batch.flatMap((b) => b.entries));
          for (const b of batch) b.resolve();
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      // In the same turn as the loop's last check: an add asked for after this starts a new round.
      this.adding = undefined;
    }
  }

  private async addNow(entries: ReadonlyArray<{ key: string; id: string }>): Promise<void> {
    const wanted = new Map<string, Set<string>>();
    for (const { key, id } of entries) wanted.set(key, (wanted.get(key) ?? new Set()).add(id));
    let todo = [...wanted.keys()];
    for (let attempt = 0; attempt < ATTEMPTS && todo.length > 0; attempt++) {
      const found = await this.store.loadMany(todo);
      const changes = todo.flatMap((key): Array<Change<KeyIndexState>> => {
        const known = found.get(key);
        const ids = known?.state.ids ?? [];
        const missing = [...(wanted.get(key) ?? [])].filter((id) => !ids.includes(id));
        if (missing.length === 0) return [];
        return [
          { id: key, expectedVersion: known?.version ?? 0, state: { ids: [...ids, ...missing] }, events: [] },
        ];
      });
      const saved = await this.store.saveMany(changes);
      todo = changes.filter((_, i) => saved[i] instanceof ConcurrencyError).map((c) => c.id);
    }
    if (todo.length > 0)
      throw new DomainError(
        'CONCURRENT_UPDATE',
        'unavailable',
        'an index kept changing under this write: send again',
        {
          retryable: true,
        },
      );
  }

  /**
   * Once per store (an entry marks it done): files what existed before the index did, from one scan
   * at start (never on the hot path).
   */
  async buildOnce(existing: () => Promise<ReadonlyArray<{ key: string; id: string }>>): Promise<void> {
    if (await this.store.load(BUILT)) return;
    await this.add(await existing());
    try {
      await this.store.save({ id: BUILT, expectedVersion: 0, state: { ids: [] }, events: [] });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error; // another instance built it too
    }
  }
}

/**
 * A store whose every save files its states' keys in an index first (`keysOf`: the keys a state is
 * to be found by), so no path that saves can forget the index. Loads go straight to the store.
 */
export function indexedStore<S>(
  store: AggregateStore<S>,
  index: KeyIndex,
  keysOf: (state: S) => readonly string[],
): AggregateStore<S> {
  const entriesOf = (changes: readonly Change<S>[]) =>
    changes.flatMap((change) => keysOf(change.state).map((key) => ({ key, id: change.id })));
  return {
    load: (id: string): Promise<Versioned<S> | null> => store.load(id),
    loadMany: (ids: readonly string[]) => store.loadMany(ids),
    save: async (change: Change<S>) => {
      await index.add(entriesOf([change]));
      return store.save(change);
    },
    saveMany: async (changes: readonly Change<S>[]) => {
      await index.add(entriesOf(changes));
      return store.saveMany(changes);
    },
  };
}

/**
 * An index by natural key over a store: built once from the states that existed before it, and the
 * store wrapped so that every save files its states under their keys first.
 */
export async function keyIndexed<S>(
  store: AggregateStore<S>,
  indexStore: AggregateStore<KeyIndexState>,
  keysOf: (state: S) => readonly string[],
  existing: () => Promise<ReadonlyArray<{ id: string; state: S }>>,
): Promise<{ index: KeyIndex; store: AggregateStore<S> }> {
  const index = new KeyIndex(indexStore);
  await index.buildOnce(async () =>
    (await existing()).flatMap(({ id, state }) => keysOf(state).map((key) => ({ key, id }))),
  );
  return { index, store: indexedStore(store, index, keysOf) };
}
