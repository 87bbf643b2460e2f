import { ConcurrencyError, type AggregateStore } from './types';

/**
 * Applies `next` to each of these aggregates with one batched read and one batched write per
 * round (each lookup scans on FerretDB: ADR 3), instead of a load and a save per aggregate. An
 * aggregate another writer changed meanwhile is read and decided again; `next` answering
 * undefined (nothing to change, e.g. a redelivered event) writes nothing. After `attempts` rounds
 * the ConcurrencyError is thrown (retryable: a consumer sends the event again).
 */
export async function updateEach<S>(
  store: AggregateStore<S>,
  ids: readonly string[],
  next: (state: S, id: string) => S | undefined,
  attempts = 5,
): Promise<void> {
  let todo = [...new Set(ids)];
  for (let attempt = 1; todo.length > 0; attempt++) {
    const found = await store.loadMany(todo);
    const changes = todo.flatMap((id) => {
      const current = found.get(id);
      const state = current ? next(current.state, id) : undefined;
      return current && state ? [{ id, expectedVersion: current.version, state, events: [] }] : [];
    });
    const saved = await store.saveMany(changes);
    const lost = saved.find((r): r is ConcurrencyError => r instanceof ConcurrencyError);
    if (lost && attempt >= attempts) throw lost;
    todo = changes.filter((_, i) => saved[i] instanceof ConcurrencyError).map((c) => c.id);
  }
}
