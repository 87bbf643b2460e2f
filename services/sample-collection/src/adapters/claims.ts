import { MongoBulkWriteError, type Collection, type Db } from 'mongodb';
import { DUPLICATE_KEY } from '@truyvet/store';
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

  constructor(
    db: Db,
    collection: string,
    private readonly ownerExists: (owner: string) => Promise<boolean>,
  ) {
    this.claims = db.collection<Claim>(collection);
  }

  async claim(keys: readonly string[], owner: string): ReturnType<Claims['claim']> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const at = new Date();
      const lost = await this.insert(keys.map((key) => ({ _id: key, owner, at })));
      if (lost.length === 0) return {};
      await this.release(keys, owner); // all or none
      const holders = await this.claims.find({ _id: { $in: lost } }).toArray();
      const live: Claim[] = [];
      for (const holder of holders) {
        const orphan =
          at.getTime() - holder.at.getTime() > ORPHAN_AFTER_MS && !(await this.ownerExists(holder.owner));
        if (orphan) await this.claims.deleteOne({ _id: holder._id, owner: holder.owner });
        else live.push(holder);
      }
      const [first] = live;
      if (first) return { heldBy: { key: first._id, owner: first.owner } };
    }
    return { heldBy: { key: keys[0] ?? '', owner: 'unknown' } };
  }

  async release(keys: readonly string[], owner: string): Promise<void> {
    await this.claims.deleteMany({ _id: { $in: [...keys] }, owner });
  }

  /** Returns the person ids someone else holds. */
  private async insert(claims: Claim[]): Promise<string[]> {
    try {
      await this.claims.insertMany(claims, { ordered: false });
      return [];
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const lost: string[] = [];
      for (const writeError of [error.writeErrors].flat()) {
        if (writeError.code !== DUPLICATE_KEY) throw error;
        const claim = claims[writeError.index];
        if (claim) lost.push(claim._id);
      }
      return lost;
    }
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

  release(keys: readonly string[], owner: string): Promise<void> {
    for (const key of keys) if (this.held.get(key) === owner) this.held.delete(key);
    return Promise.resolve();
  }
}
