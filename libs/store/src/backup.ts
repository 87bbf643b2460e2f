import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { BSON, type Document, type IndexSpecification, type MongoClient } from 'mongodb';
import { z } from 'zod';

/**
 * A backup of the services' databases made with the MongoDB driver alone (the database tools are
 * not something this project can install on every host, and FerretDB speaks the same wire
 * protocol): each collection as gzipped canonical Extended JSON, one document a line, so types
 * (dates, binary, 64-bit numbers) come back as they were, and a manifest with each collection's
 * count and indexes. Not a snapshot: collections are read one after another. docs/runbooks/
 * backup-and-restore.md says how the bus fills the gap after a restore.
 */
const manifestSchema = z.object({
  format: z.literal('truyvet-store-backup/1'),
  startedAt: z.string(),
  finishedAt: z.string(),
  databases: z.array(
    z.object({
      name: z.string().min(1),
      collections: z.array(
        z.object({
          name: z.string().min(1),
          file: z.string().min(1),
          documents: z.number().int().nonnegative(),
          indexes: z.array(
            z.object({
              key: z.record(z.string(), z.union([z.number(), z.string()])),
              options: z.record(z.string(), z.unknown()),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

const MANIFEST = 'manifest.json';
const INSERT_BATCH = 1_000;

/** Index options that describe the index (what createIndex takes), not the server's bookkeeping. */
function indexOptions(index: Document): Record<string, unknown> {
  const { key: _key, v: _v, ns: _ns, ...options } = index;
  return options;
}

/** Writes every collection of `databases` under `dir` (created); answers the manifest written. */
export async function backupDatabases(
  client: MongoClient,
  databases: readonly string[],
  dir: string,
  now: () => Date = () => new Date(),
): Promise<BackupManifest> {
  const startedAt = now().toISOString();
  // People's health data: readable by the one who made the backup only (encrypt the disk it is on).
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const written: BackupManifest['databases'] = [];
  for (const name of databases) {
    const db = client.db(name);
    const collections = (await db.listCollections({}, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .filter((c) => !c.startsWith('system.'))
      .sort();
    await mkdir(path.join(dir, name), { recursive: true, mode: 0o700 });
    const entries: BackupManifest['databases'][number]['collections'] = [];
    for (const collection of collections) {
      const file = path.join(name, `${collection}.ejson.gz`);
      let documents = 0;
      const cursor = db.collection(collection).find({}, { sort: { _id: 1 } });
      const lines = Readable.from(
        (async function* () {
          for await (const doc of cursor) {
            documents++;
            yield `${BSON.EJSON.stringify(doc, { relaxed: false })}\n`;
          }
        })(),
      );
      await pipeline(lines, createGzip(), createWriteStream(path.join(dir, file), { mode: 0o600 }));
      const indexes = ((await db.collection(collection).listIndexes().toArray()) as Document[])
        .filter((index) => index.name !== '_id_')
        .map((index) => ({
          key: index.key as Record<string, number | string>,
          options: indexOptions(index),
        }));
      entries.push({ name: collection, file, documents, indexes });
    }
    written.push({ name, collections: entries });
  }
  const manifest: BackupManifest = {
    format: 'truyvet-store-backup/1',
    startedAt,
    finishedAt: now().toISOString(),
    databases: written,
  };
  await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

export class RestoreRefused extends Error {}

/**
 * Restores a backup made by `backupDatabases` into the same database names. A collection that
 * already holds documents is refused unless `replace` (then it is dropped first): a restore never
 * mixes a backup's documents with newer ones. Each collection's count is checked against the
 * manifest.
 */
export async function restoreDatabases(
  client: MongoClient,
  dir: string,
  options: { replace?: boolean } = {},
): Promise<BackupManifest> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')));
  // Every collection looked at before anything is written: a refused restore leaves the store as
  // it was, not half restored.
  for (const database of manifest.databases) {
    const db = client.db(database.name);
    const present = (await db.listCollections({}, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .filter((c) => !c.startsWith('system.'));
    for (const name of present) {
      if (!(await db.collection(name).findOne({}, { projection: { _id: 1 } }))) continue;
      if (!options.replace)
        throw new RestoreRefused(
          `${database.name}.${name} is not empty: restore into empty databases, or replace them`,
        );
    }
    // Replacing: the databases become what the backup holds, collections it does not have too.
    if (options.replace) for (const name of present) await db.collection(name).drop();
  }
  for (const database of manifest.databases) {
    const db = client.db(database.name);
    for (const entry of database.collections) {
      const collection = db.collection(entry.name);
      // Made even when it holds nothing, as it was.
      await db.createCollection(entry.name).catch((error: unknown) => {
        if ((error as { codeName?: string }).codeName !== 'NamespaceExists') throw error;
      });
      for (const index of entry.indexes)
        await collection.createIndex(index.key as IndexSpecification, index.options);
      const lines = createInterface({
        input: createReadStream(path.join(dir, entry.file)).pipe(createGunzip()),
        crlfDelay: Infinity,
      });
      let batch: Document[] = [];
      let restored = 0;
      for await (const line of lines) {
        if (line.length === 0) continue;
        batch.push(BSON.EJSON.parse(line, { relaxed: false }) as Document);
        if (batch.length >= INSERT_BATCH) {
          restored += (await collection.insertMany(batch, { ordered: true })).insertedCount;
          batch = [];
        }
      }
      if (batch.length > 0) restored += (await collection.insertMany(batch, { ordered: true })).insertedCount;
      if (restored !== entry.documents)
        throw new Error(
          `${database.name}.${entry.name}: ${String(restored)} documents restored, the backup has ${String(entry.documents)}`,
        );
    }
  }
  return manifest;
}
