import { MongoBulkWriteError, type Collection, type Db } from 'mongodb';
import { DUPLICATE_KEY } from '@truyvet/store';
import type { OpenPools } from '../app/sample-collection';

interface Claim {
  _id: string;
  sampleId: string;
  at: Date;
}

/** A claim whose sample never got saved (its writer died) is taken over after this long. */
const ORPHAN_AFTER_MS = 60_000;

export class MongoOpenPools implements OpenPools {
  private readonly claims: Collection<Claim>;

  constructor(
    db: Db,
    private readonly sampleExists: (sampleId: string) => Promise<boolean>,
  ) {
    this.claims = db.collection<Claim>('open_pools');
  }

  async claim(personIds: readonly string[], sampleId: string): ReturnType<OpenPools['claim']> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const at = new Date();
      const lost = await this.insert(personIds.map((personId) => ({ _id: personId, sampleId, at })));
      if (lost.length === 0) return {};
      await this.release(personIds, sampleId); // all or none
      const holders = await this.claims.find({ _id: { $in: lost } }).toArray();
      const live: Claim[] = [];
      for (const holder of holders) {
        const orphan =
          at.getTime() - holder.at.getTime() > ORPHAN_AFTER_MS && !(await this.sampleExists(holder.sampleId));
        if (orphan) await this.claims.deleteOne({ _id: holder._id, sampleId: holder.sampleId });
        else live.push(holder);
      }
      const [first] = live;
      if (first) return { heldBy: { personId: first._id, sampleId: first.sampleId } };
    }
    return { heldBy: { personId: personIds[0] ?? '', sampleId: 'unknown' } };
  }

  async release(personIds: readonly string[], sampleId: string): Promise<void> {
    await this.claims.deleteMany({ _id: { $in: [...personIds] }, sampleId });
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

export class InMemoryOpenPools implements OpenPools {
  private readonly held = new Map<string, string>();

  claim(personIds: readonly string[], sampleId: string): ReturnType<OpenPools['claim']> {
    const taken = personIds.find((id) => this.held.has(id));
    if (taken) return Promise.resolve({ heldBy: { personId: taken, sampleId: this.held.get(taken) ?? '' } });
    for (const id of personIds) this.held.set(id, sampleId);
    return Promise.resolve({});
  }

  release(personIds: readonly string[], sampleId: string): Promise<void> {
    for (const id of personIds) if (this.held.get(id) === sampleId) this.held.delete(id);
    return Promise.resolve();
  }
}
