import { MongoBulkWriteError, type Collection, type Db, type Document } from 'mongodb';
import { isInfrastructureFailure } from '@truyvet/errors';

/** MongoDB's duplicate key error: a unique `_id` (or index) was taken. */
export const DUPLICATE_KEY = 11000;

/** Ids per `_id: {$in}` read, documents per insert: one round trip each. */
export const IDS_PER_READ = 1_000;
const DOCUMENTS_PER_INSERT = 1_000;

interface ReadRequest {
  ids: readonly string[];
  resolve: (found: Map<string, Document>) => void;
  reject: (error: unknown) => void;
}

interface InsertRequest {
  docs: readonly Document[];
  resolve: (duplicates: Set<number>) => void;
  reject: (error: unknown) => void;
}

/** One `updateOne` (a filter and its update), or one upserting `replaceOne` (a whole document). */
export type UpdateStatement =
  { filter: Document; update: Document } | { filter: Document; replacement: Document };

/** Items a caller asked to be written with those of others (`RoundTrips.gathered`). */
interface Gathered<Item> {
  items: readonly Item[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface UpdateRequest {
  statements: readonly UpdateStatement[];
  resolve: (answer: UpdateAnswer) => void;
  reject: (error: unknown) => void;
}

/**
 * What the server answered for the command a caller's statements went out in. Totals only: when
 * every statement of the command matched, so did each of the caller's; otherwise the caller cannot
 * tell which did not.
 */
export interface UpdateAnswer {
  /** Every statement of the command matched a document (or, for an upsert, wrote one). */
  allMatched: boolean;
}

/** Statements per `update` command (FerretDB answers hundreds once patched: deploy/local/README.md). */
const STATEMENTS_PER_UPDATE = 500;

/**
 * A database's round trips, shared by every store of a process on that database (`roundTripsOf`):
 *
 * - reads by `_id` asked for while another read of the collection is under way are answered by one
 *   `_id: {$in}` read (on FerretDB the patched server answers it from the index: ADR 13);
 * - inserts asked for meanwhile go out as one unordered `insertMany`, each caller told which of its
 *   documents were refused as duplicates (the unique `_id` still decides every race: ADR 4);
 * - `updateOne`s and upserting `replaceOne`s asked for meanwhile go out as one ordered `update`
 *   command of many statements (the heads advanced by the saves of a batch, a projection's facts:
 *   one round trip, not one each);
 * - where a store asks, heads are replaced rather than updated, the older ones deleted by `_id`
 *   (`deleteOlder`) and the new ones inserted: two commands for all, where an update pays a
 *   transaction per statement on FerretDB;
 * - writes go one at a time (`writesAtOnce`): SQLite, under FerretDB, takes one writer per database
 *   file and makes the others sleep and try again, which turned 1 ms inserts into 100 ms ones
 *   under the consumers' concurrency; queued writes become one bigger write instead.
 *
 * So a consumer working on several keys at once, or a gRPC server under load, costs one round trip
 * per collection for what its concurrent work needs, rather than one per item. Alone, a request
 * pays what it paid before: it goes out at once.
 */
export class RoundTrips {
  private readonly reads = new Map<string, { queued: ReadRequest[]; busy: boolean }>();
  private readonly inserts = new Map<string, InsertRequest[]>();
  private readonly updates = new Map<string, UpdateRequest[]>();
  private readonly olderDeletes = new Map<string, Array<Gathered<{ _id: string; v: number }>>>();
  /** Writes waiting for their turn: how to run one, and how to fail it without running it. */
  private readonly writeQueue: Array<{ run: () => Promise<void>; fail: (error: unknown) => void }> = [];
  private writing = 0;

  constructor(private readonly writesAtOnce = 1) {}

  /** Documents by `_id` (those that exist). */
  findByIds<T extends Document>(
    collection: Collection<T>,
    ids: readonly string[],
    projection?: Document,
  ): Promise<Map<string, T>> {
    if (ids.length === 0) return Promise.resolve(new Map<string, T>());
    const key = `${collection.collectionName}\u0000${projection ? JSON.stringify(projection) : ''}`;
    let reader = this.reads.get(key);
    if (!reader) {
      reader = { queued: [], busy: false };
      this.reads.set(key, reader);
    }
    const found = new Promise<Map<string, Document>>((resolve, reject) => {
      reader.queued.push({ ids, resolve, reject });
    });
    if (!reader.busy) void this.read(collection as unknown as Collection, projection, reader);
    return found as Promise<Map<string, T>>;
  }

  async findById<T extends Document>(
    collection: Collection<T>,
    id: string,
    projection?: Document,
  ): Promise<T | null> {
    return (await this.findByIds<T>(collection, [id], projection)).get(id) ?? null;
  }

  /** Inserts; answers the indexes of the documents refused because their `_id` was taken. */
  insert<T extends Document>(collection: Collection<T>, docs: readonly T[]): Promise<Set<number>> {
    if (docs.length === 0) return Promise.resolve(new Set());
    const name = collection.collectionName;
    let queued = this.inserts.get(name);
    const first = !queued;
    if (!queued) {
      queued = [];
      this.inserts.set(name, queued);
    }
    const refused = new Promise<Set<number>>((resolve, reject) => {
      queued.push({ docs, resolve, reject });
    });
    if (first) this.queueFlush(collection as unknown as Collection);
    return refused;
  }

  /**
   * Applies each statement, with the statements queued meanwhile for the collection, in one
   * command, in order. Resolves once all are applied, with whether all of the command's matched
   * (the server answers totals only): a caller that must know which did not reads them back.
   */
  updateEach<T extends Document>(
    collection: Collection<T>,
    statements: readonly UpdateStatement[],
  ): Promise<UpdateAnswer> {
    if (statements.length === 0) return Promise.resolve({ allMatched: true });
    const name = collection.collectionName;
    let queued = this.updates.get(name);
    const first = !queued;
    if (!queued) {
      queued = [];
      this.updates.set(name, queued);
    }
    const done = new Promise<UpdateAnswer>((resolve, reject) => {
      queued.push({ statements, resolve, reject });
    });
    if (first) this.queueUpdates(collection as unknown as Collection);
    return done;
  }

  private queueUpdates(collection: Collection): void {
    this.enqueue(
      () => this.flushUpdates(collection),
      (error) => {
        const queued = this.updates.get(collection.collectionName) ?? [];
        this.updates.delete(collection.collectionName);
        for (const request of queued) request.reject(error);
      },
    );
  }

  private async flushUpdates(collection: Collection): Promise<void> {
    const queued = this.updates.get(collection.collectionName) ?? [];
    const batch = takeUpTo(queued, STATEMENTS_PER_UPDATE, (r) => r.statements.length);
    if (queued.length === 0) this.updates.delete(collection.collectionName);
    else this.queueUpdates(collection); // the rest in the next turn
    const statements = batch.reduce((n, r) => n + r.statements.length, 0);
    let answer: UpdateAnswer;
    try {
      const result = await collection.bulkWrite(
        batch.flatMap((r) =>
          r.statements.map((statement) =>
            'update' in statement
              ? { updateOne: { filter: statement.filter, update: statement.update } }
              : {
                  replaceOne: { filter: statement.filter, replacement: statement.replacement, upsert: true },
                },
          ),
        ),
        // In the order asked for, as when each went out on its own turn (two puts of one document).
        { ordered: true },
      );
      answer = { allMatched: result.matchedCount + result.upsertedCount >= statements };
    } catch (error) {
      for (const request of batch) request.reject(error);
      throw error; // for the gate: the store may be away
    }
    for (const request of batch) request.resolve(answer);
  }

  /**
   * Deletes each document whose `v` is below the version given for its `_id`, with those asked for
   * meanwhile for the collection: one `deleteMany` by `_id` per version among them (a batch of
   * heads moving to their next version: mostly one).
   */
  deleteOlder(collection: Collection, heads: ReadonlyArray<{ _id: string; v: number }>): Promise<void> {
    return this.gathered(this.olderDeletes, collection, heads, async (all) => {
      const byVersion = new Map<number, Set<string>>();
      for (const h of all) byVersion.set(h.v, (byVersion.get(h.v) ?? new Set()).add(h._id));
      for (const [version, ids] of byVersion)
        for (const some of chunksOf([...ids], IDS_PER_READ))
          await collection.deleteMany({ _id: { $in: some }, v: { $lt: version } } as never);
    });
  }

  /**
   * Items asked for meanwhile for a collection, written together in one turn of the write queue;
   * every caller is answered by that write (and fails with it).
   */
  private gathered<Item>(
    queues: Map<string, Array<Gathered<Item>>>,
    collection: Collection,
    items: readonly Item[],
    write: (all: Item[]) => Promise<void>,
  ): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    const name = collection.collectionName;
    let queued = queues.get(name);
    const first = !queued;
    if (!queued) {
      queued = [];
      queues.set(name, queued);
    }
    const done = new Promise<void>((resolve, reject) => {
      queued.push({ items, resolve, reject });
    });
    const take = (): Array<Gathered<Item>> => {
      const batch = queues.get(name) ?? [];
      queues.delete(name);
      return batch;
    };
    if (first)
      this.enqueue(
        async () => {
          const batch = take();
          try {
            await write(batch.flatMap((request) => [...request.items]));
          } catch (error) {
            for (const request of batch) request.reject(error);
            throw error; // for the gate: the store may be away
          }
          for (const request of batch) request.resolve();
        },
        (error) => {
          for (const request of take()) request.reject(error);
        },
      );
    return done;
  }

  /** Any other write, in its turn among the database's writes. */
  write<R>(run: () => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.enqueue(async () => {
        let result: R;
        try {
          result = await run();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          throw error; // for the gate: the store may be away
        }
        resolve(result);
      }, reject);
    });
  }

  /** The inserts queued for a collection go out in their turn (and fail together if they must). */
  private queueFlush(collection: Collection): void {
    this.enqueue(
      () => this.flushInserts(collection),
      (error) => {
        const queued = this.inserts.get(collection.collectionName) ?? [];
        this.inserts.delete(collection.collectionName);
        for (const request of queued) request.reject(error);
      },
    );
  }

  private enqueue(run: () => Promise<void>, fail: (error: unknown) => void): void {
    this.writeQueue.push({ run, fail });
    this.nextWrite();
  }

  private nextWrite(): void {
    while (this.writing < this.writesAtOnce) {
      const next = this.writeQueue.shift();
      if (!next) return;
      this.writing++;
      void Promise.resolve()
        .then(next.run)
        .catch((error: unknown) => {
          // The store is away: the writes waiting behind this one would each wait out their own
          // server selection in turn; fail them now, as they would have failed side by side.
          if (isInfrastructureFailure(error))
            for (const queued of this.writeQueue.splice(0)) queued.fail(error);
        })
        .finally(() => {
          this.writing--;
          this.nextWrite();
        });
    }
  }

  private async read(
    collection: Collection,
    projection: Document | undefined,
    reader: { queued: ReadRequest[]; busy: boolean },
  ): Promise<void> {
    reader.busy = true;
    try {
      while (reader.queued.length > 0) {
        const batch = takeUpTo(reader.queued, IDS_PER_READ, (r) => r.ids.length);
        const ids = [...new Set(batch.flatMap((r) => r.ids))];
        try {
          const found = new Map<string, Document>();
          for (let start = 0; start < ids.length; start += IDS_PER_READ) {
            const some = ids.slice(start, start + IDS_PER_READ);
            // All in the first answer, and one more asked for so that the server finds the cursor
            // exhausted (FerretDB keeps it open when the batch is exactly full, and the driver
            // then sends a getMore; one cost up to a second and a half with the city loaded).
            const docs = await collection
              .find({ _id: { $in: some } } as never, {
                ...(projection ? { projection } : {}),
                batchSize: some.length + 1,
              })
              .toArray();
            for (const doc of docs) found.set(String(doc._id), doc);
          }
          const handedOut = new Set<string>();
          for (const request of batch) {
            const mine = new Map<string, Document>();
            for (const id of request.ids) {
              const doc = found.get(id);
              if (!doc) continue;
              // Callers may edit what they read: a document asked for twice is copied.
              mine.set(id, handedOut.has(id) ? structuredClone(doc) : doc);
              handedOut.add(id);
            }
            request.resolve(mine);
          }
        } catch (error) {
          for (const request of batch) request.reject(error);
        }
      }
    } finally {
      reader.busy = false;
    }
  }

  private async flushInserts(collection: Collection): Promise<void> {
    const queued = this.inserts.get(collection.collectionName) ?? [];
    const batch = takeUpTo(queued, DOCUMENTS_PER_INSERT, (r) => r.docs.length);
    if (queued.length === 0) this.inserts.delete(collection.collectionName);
    else this.queueFlush(collection); // the rest in the next turn
    const docs = batch.flatMap((r) => r.docs);
    const failed = new Map<number, unknown>(); // index in docs -> why
    const duplicates = new Set<number>();
    try {
      await collection.insertMany(docs, { ordered: false });
    } catch (error) {
      // The driver wraps everything in a MongoBulkWriteError, also a command that never got an
      // answer (the store away, a refused connection: no write errors then). Only the server's
      // answer about each document says which went in; without it, none of them is known to be
      // in (some may be: the retry meets them as duplicates), so every caller is failed.
      const answered = error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : [];
      const inserted = error instanceof MongoBulkWriteError ? error.result.insertedCount : 0;
      if (answered.length === 0 || inserted + answered.length < docs.length) {
        for (const request of batch) request.reject(error);
        throw error; // for the gate: the store may be away
      }
      for (const writeError of answered) {
        if (writeError.code === DUPLICATE_KEY) duplicates.add(writeError.index);
        else failed.set(writeError.index, error);
      }
    }
    let offset = 0;
    for (const request of batch) {
      const mine = new Set<number>();
      let why: unknown;
      request.docs.forEach((_, i) => {
        if (duplicates.has(offset + i)) mine.add(i);
        if (failed.has(offset + i)) why ??= failed.get(offset + i);
      });
      offset += request.docs.length;
      if (why !== undefined) request.reject(why);
      else request.resolve(mine);
    }
  }
}

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Takes requests off the front of the queue up to a size (at least one). */
function takeUpTo<T>(queue: T[], most: number, size: (item: T) => number): T[] {
  let taken = 0;
  let total = 0;
  while (taken < queue.length) {
    const next = size(queue[taken] as T);
    if (taken > 0 && total + next > most) break;
    total += next;
    taken++;
  }
  return queue.splice(0, taken);
}

const shared = new WeakMap<Db, RoundTrips>();

/** The round trips of a database handle: one per handle, so every store of a process shares it. */
export function roundTripsOf(db: Db): RoundTrips {
  let trips = shared.get(db);
  if (!trips) {
    trips = new RoundTrips();
    shared.set(db, trips);
  }
  return trips;
}
