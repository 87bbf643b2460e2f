import { MongoClient, MongoServerError, type Collection, type Db, type IndexDescription } from 'mongodb';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createLogger, type Logger } from '@truyvet/log';
import { DUPLICATE_KEY, roundTripsOf, type RoundTrips } from './round-trips';

export interface MongoConnection {
  client: MongoClient;
  db: Db;
  close(): Promise<void>;
}

/** Connects with the official driver and checks the server answers before returning. */
export async function connectMongo(
  uri: string,
  dbName: string,
  options: { appName?: string; logger?: Logger } = {},
): Promise<MongoConnection> {
  const traceDir = process.env.TRUYVET_STORE_TRACE;
  const client = new MongoClient(uri, {
    appName: options.appName ?? 'truyvet',
    serverSelectionTimeoutMS: 15_000,
    retryWrites: true,
    monitorCommands: traceDir !== undefined && traceDir !== '',
  });
  const logger = options.logger ?? createLogger({ name: 'mongo' });
  if (traceDir) traceCommands(client, traceDir, `${options.appName ?? 'truyvet'}-${dbName}`);
  logStoreReachability(client, logger);
  const stopWatching = reconnectWhenMonitorSilent(client, logger);
  await client.connect();
  const db = client.db(dbName);
  await db.command({ ping: 1 });
  logger.debug({ dbName }, 'connected to MongoDB');
  return {
    client,
    db,
    close: () => {
      stopWatching();
      return client.close();
    },
  };
}

/** What the watchdog needs of a client (a MongoClient; a stand-in in its test). */
export interface MonitoredClient {
  on(
    event: 'serverHeartbeatStarted' | 'serverHeartbeatSucceeded' | 'serverHeartbeatFailed',
    listener: () => void,
  ): unknown;
  on(
    event: 'serverDescriptionChanged',
    listener: (event: { newDescription: { type: string } }) => void,
  ): unknown;
  close(): Promise<void>;
  connect(): Promise<unknown>;
}

/**
 * Reconnects the client when its server monitor has fallen silent while the store is unreachable.
 * Seen after FerretDB restarts (driver 6.22): an operation's connection closes, the server is marked
 * unknown, and no heartbeat follows, ever: every operation then fails server selection until the
 * process restarts. A live monitor checks at least every 10 s (every 0.5 s while the store is
 * away), so silence for `silentMs` means it is stuck. Closing and connecting the same client gives it
 * a new topology; the collections the stores hold keep working (they reach the server through it),
 * and what fails meanwhile is a store failure the callers retry.
 */
export function reconnectWhenMonitorSilent(
  client: MonitoredClient,
  logger: Logger,
  { silentMs = 30_000, checkEveryMs = 5_000 }: { silentMs?: number; checkEveryMs?: number } = {},
): () => void {
  let lastHeard = Date.now();
  let unreachable = false;
  let reconnecting = false;
  const heard = (): void => {
    lastHeard = Date.now();
  };
  client.on('serverHeartbeatStarted', heard);
  client.on('serverHeartbeatSucceeded', heard);
  client.on('serverHeartbeatFailed', heard);
  client.on('serverDescriptionChanged', (event) => {
    unreachable = event.newDescription.type === 'Unknown';
    heard();
  });
  const reconnect = async (): Promise<void> => {
    try {
      await client.close();
      await client.connect();
      logger.info('store client reconnected');
    } catch (error) {
      logger.warn({ err: error }, 'could not reconnect the store client yet; trying again');
    } finally {
      reconnecting = false;
      heard();
    }
  };
  const timer = setInterval(() => {
    const silentFor = Date.now() - lastHeard;
    if (!unreachable || reconnecting || silentFor < silentMs) return;
    reconnecting = true;
    logger.error(
      { silentForMs: silentFor },
      'the store client stopped checking an unreachable store; reconnecting it',
    );
    void reconnect();
  }, checkEveryMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}

/** Says when the store becomes unreachable and reachable again, as the driver's monitor sees it. */
function logStoreReachability(client: MongoClient, logger: Logger): void {
  let lost = false; // the first connection is not news
  client.on('serverDescriptionChanged', (event) => {
    const was = event.previousDescription.type;
    const now = event.newDescription.type;
    if ((was === 'Unknown') === (now === 'Unknown')) return;
    if (now === 'Unknown') {
      lost = true;
      logger.warn({ server: event.address, err: event.newDescription.error }, 'store unreachable');
    } else if (lost) logger.info({ server: event.address, type: now }, 'store reachable again');
  });
  client.on('serverHeartbeatFailed', (event) => {
    logger.debug({ server: event.connectionId, err: event.failure }, 'store heartbeat failed');
  });
  client.on('serverHeartbeatSucceeded', (event) => {
    logger.debug({ server: event.connectionId }, 'store heartbeat');
  });
}

export interface IndexDeclaration {
  collection: string;
  indexes: IndexDescription[];
}

/**
 * Applies a service's declared indexes at start: only those missing (by name) are created. Only
 * what FerretDB also supports: unique, compound and sparse indexes (no TTL, no partial). Asking
 * FerretDB 1.24 to create an index that exists on a collection holding documents with array paths
 * panics its connection (seen when a service restarts on its data), so existing ones are skipped.
 */
export async function applyIndexes(db: Db, declarations: readonly IndexDeclaration[]): Promise<void> {
  for (const { collection, indexes } of declarations) {
    if (indexes.length === 0) continue;
    const listed = (await db
      .collection(collection)
      .listIndexes()
      .toArray()
      .catch(() => [])) as Array<{ name?: unknown }>;
    const existing = new Set(listed.map((i) => String(i.name)));
    const missing = indexes.filter((i) => i.name === undefined || !existing.has(i.name));
    if (missing.length > 0) await db.collection(collection).createIndexes(missing);
  }
}

export { DUPLICATE_KEY };

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** Dedup records of one consumer group: `has` before the handler, `add` after its effect. */
export class MongoDedupStore {
  private readonly collection: Collection<{ _id: string; at: Date }>;
  private readonly trips: RoundTrips;

  constructor(db: Db, collectionName = 'processed_events') {
    this.collection = db.collection(collectionName);
    this.trips = roundTripsOf(db);
  }

  async has(groupId: string, eventId: string): Promise<boolean> {
    return (await this.trips.findById(this.collection, `${groupId}|${eventId}`, { _id: 1 })) !== null;
  }

  async add(groupId: string, eventId: string): Promise<void> {
    // A duplicate is fine: the event was recorded already.
    await this.trips.insert(this.collection, [{ _id: `${groupId}|${eventId}`, at: new Date() }]);
  }
}

/**
 * For finding where a process spends its store round trips: with TRUYVET_STORE_TRACE=<dir>, every
 * command is appended to `<dir>/<name>-<pid>.jsonl` as `{ cmd, coll, shape, n, ms }` (`shape`: the
 * filter's field names, `n`: documents written or ids asked for), to be summed up afterwards
 * (bench/store/trace-summary.ts). Off by default: it costs a write per command.
 */
function traceCommands(client: MongoClient, dir: string, name: string): void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]/g, '_')}-${process.pid}.jsonl`);
  const started = new Map<number, { t: number; cmd: string; coll: string; shape: string; n: number }>();
  const filterShape = (filter: unknown): string => {
    if (!filter || typeof filter !== 'object') return '';
    return Object.entries(filter as Record<string, unknown>)
      .map(([key, value]) =>
        value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
          ? `${key}:${Object.keys(value).join('|')}`
          : key,
      )
      .join(',');
  };
  client.on('commandStarted', (event) => {
    const command = event.command;
    const cmd = event.commandName;
    const coll = String(command[cmd] ?? '');
    let shape = '';
    let n = 0;
    if (cmd === 'find') shape = filterShape(command.filter);
    else if (cmd === 'insert') n = (command.documents as unknown[] | undefined)?.length ?? 0;
    else if (cmd === 'update' || cmd === 'delete') {
      const statements = (command.updates ?? command.deletes) as Array<{ q?: unknown }> | undefined;
      n = statements?.length ?? 0;
      shape = filterShape(statements?.[0]?.q);
    } else if (cmd === 'findAndModify') shape = filterShape(command.query);
    const ids = (command.filter as { _id?: { $in?: unknown[] } } | undefined)?._id?.$in;
    if (Array.isArray(ids)) n = ids.length;
    // t: when it was sent (epoch ms), so a run's commands can be split by its phases.
    started.set(event.requestId, { t: Date.now(), cmd, coll, shape, n });
  });
  const finished = (event: { requestId: number; duration: number }, failed: boolean): void => {
    const begun = started.get(event.requestId);
    if (!begun) return;
    started.delete(event.requestId);
    appendFileSync(file, `${JSON.stringify({ ...begun, ms: event.duration, failed })}\n`);
  };
  client.on('commandSucceeded', (event) => {
    finished(event, false);
  });
  client.on('commandFailed', (event) => {
    finished(event, true);
  });
}
