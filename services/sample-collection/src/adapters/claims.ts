import type { Collection, Db } from 'mongodb';
import { roundTripsOf, type RoundTrips } from '@truyvet/store';
import type { Claims } from '../app/claims';

interface Claim {
  _id: string;
  owner: string;
  at: Date;
}

/** A claim whose owner never got saved (its writer died) is taken over after this long. */
const ORPHAN_AFTER_MS = 60_000;

/** Claims as unique inserts into one collection (atomic on FerretDB too: ADR 4). */
export class MongoClaims implements Claims {
  private readonly claims: Collection<Claim>;
  /** Inserts and deletes in their turn among the database's writes (ADR 13). */
  private readonly trips: RoundTrips;

  constructor(
    db: Db,
    collection: string,
    private readonly ownerExists: (owner: string) => Promise<boolean>,
  ) {
    this.claims = db.collection<Claim>(collection);
    this.trips = roundTripsOf(db);
  }

  async claim(keys: readonly string[], owner: string): ReturnType<Claims['claim']> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const at = new Date();
      const lost = await this.insert(keys.map((key) => ({ _id: key, owner, at })));
      if (lost.length === 0) return {};
      // All or none: let go of what this call inserted, and only that (a holder with the same
      // owner name, e.g. the same tube collected twice at once, keeps its claims).
      await this.release(
        keys.filter((key) => !lost.includes(key)),
        owner,
      );
      const holders = await this.claims.find({ _id: { $in: lost } }).toArray();
      const live: Claim[] = [];
      for (const holder of holders) {
        const orphan =
          at.getTime() - holder.at.getTime() > ORPHAN_AFTER_MS && !(await this.ownerExists(holder.owner));
        if (orphan)
          await this.trips.write(() => this.claims.deleteOne({ _id: holder._id, owner: holder.owner }));
        else live.push(holder);
      }
      // The first taken key in the request's order (a server answers an `$in` in any order).
      const [first] = live.sort((x, y) => keys.indexOf(x._id) - keys.indexOf(y._id));
      if (first) return { heldBy: { key: first._id, owner: first.owner } };
    }
    return { heldBy: { key: keys[0] ?? '', owner: 'unknown' } };
  }

  /**
   * One insert for the whole batch (unordered inserts are still applied in order, so the first of
   * two requests for a key wins); a request that lost any key lets go of the rest and is decided
   * again on its own, which also takes over orphaned claims and names the holder.
   */
  async claimEach(
    requests: ReadonlyArray<{ keys: readonly string[]; owner: string }>,
  ): ReturnType<Claims['claimEach']> {
    const at = new Date();
    const docs = requests.flatMap((r) => r.keys.map((key) => ({ _id: key, owner: r.owner, at })));
    const lost = await this.trips.insert(this.claims, docs);
    const lostKeysOf = new Map<string, Set<string>>();
    for (const i of lost) {
      const doc = docs[i];
      if (doc) lostKeysOf.set(doc.owner, (lostKeysOf.get(doc.owner) ?? new Set()).add(doc._id));
    }
    const answers: Array<{ heldBy?: { key: string; owner: string } }> = [];
    for (const request of requests) {
      const lostKeys = lostKeysOf.get(request.owner);
      if (!lostKeys) {
        answers.push({});
        continue;
      }
      await this.release(
        request.keys.filter((key) => !lostKeys.has(key)),
        request.owner,
      );
      answers.push(await this.claim(request.keys, request.owner));
    }
    return answers;
  }

  async release(keys: readonly string[], owner: string): Promise<void> {
    await this.trips.write(() => this.claims.deleteMany({ _id: { $in: [...keys] }, owner }));
  }

  /** Returns the keys someone else holds. */
  private async insert(claims: Claim[]): Promise<string[]> {
    const lost = await this.trips.insert(this.claims, claims);
    return claims.filter((_, i) => lost.has(i)).map((c) => c._id);
  }
}

export class InMemoryClaims implements Claims {
  private readonly held = new Map<string, string>();

  claim(keys: readonly string[], owner: string): ReturnType<Claims['claim']> {
    const taken = keys.find((key) => this.held.has(key));
    if (taken) return Promise.resolve({ heldBy: { key: taken, owner: this.held.get(taken) ?? '' } });
    for (const key of keys) this.held.set(key, owner);
    return Promise.resolve({});
  }

  async claimEach(
    requests: ReadonlyArray<{ keys: readonly string[]; owner: string }>,
  ): ReturnType<Claims['claimEach']> {
    const answers: Array<{ heldBy?: { key: string; owner: string } }> = [];
    for (const request of requests) answers.push(await this.claim(request.keys, request.owner));
    return answers;
  }

  release(keys: readonly string[], owner: string): Promise<void> {
    for (const key of keys) if (this.held.get(key) === owner) this.held.delete(key);
    return Promise.resolve();
  }
}
