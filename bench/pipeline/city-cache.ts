/**
 * The loaded city, kept: loading 1.2 million people takes about 12 minutes here, so the database
 * files FerretDB wrote for it (one SQLite file per database) are copied aside once, and later runs
 * copy them back into the wiped servers instead of loading again. The copy is keyed by what
 * decides its content (`MADE_BY`, the seed, the city's size and the households held out of it):
 * any change there loads afresh.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalServers } from '../../test/harness/local-servers';
import type { CityLoad } from './city-loader';

/**
 * What the loaded documents are made by or read with (tests excluded: they make none): the loader,
 * the city, the server's build, the document formats of the store, and the services' code the
 * loader calls or whose collections it fills. Narrower than the services' whole source, so that a
 * change elsewhere in them does not cost a load.
 */
const MADE_BY = [
  'bench/pipeline/city-loader.ts',
  'scripts/scenario',
  'deploy/local/ferretdb',
  'libs/events/src',
  'libs/geo/src',
  // How heads, commits, key indexes and indexes are written (not how they are read or sent).
  'libs/store/src/key-index.ts',
  'libs/store/src/mongo-aggregate-store.ts',
  'libs/store/src/mongo.ts',
  'libs/store/src/types.ts',
  'services/sample-collection/src/domain',
  'services/sample-collection/src/app/person-registry.ts',
  'services/sample-collection/src/app/person-index.ts',
  'services/sample-collection/src/adapters/mongo-directory.ts',
  'services/case-graph/src/adapters',
  'services/reporting/src/domain/facts.ts',
  'services/reporting/src/start.ts',
];

const CACHE_ROOT =
  process.env.TRUYVET_CACHE_DIR ??
  path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'truyvet');

export class CityCache {
  readonly dir: string;

  constructor(
    private readonly root: string,
    private readonly databasePrefix: string,
    seed: number,
    persons: number,
    /** The first households of the city, not loaded (the run registers them through the API). */
    heldOut: number,
  ) {
    const files = execFileSync('git', ['ls-files', '--', ...MADE_BY], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.endsWith('.test.ts'))
      .sort();
    const hash = createHash('sha256').update(`${seed}\n${persons}\n${databasePrefix}\n${heldOut}\n`);
    for (const file of files) hash.update(`${file}\n`).update(readFileSync(path.join(root, file)));
    this.dir = path.join(CACHE_ROOT, `bench-city-${hash.digest('hex').slice(0, 16)}`);
  }

  /** The figures of the load that made the copy, or null when there is none for this code. */
  kept(): CityLoad | null {
    const figures = path.join(this.dir, 'load.json');
    return existsSync(figures) ? (JSON.parse(readFileSync(figures, 'utf8')) as CityLoad) : null;
  }

  /** Copies the kept databases into the servers' (stopped meanwhile, so nothing is half written). */
  async restore(servers: LocalServers): Promise<void> {
    await servers.stop('ferretdb');
    for (const file of this.databaseFiles(this.dir))
      copyFileSync(path.join(this.dir, file), path.join(this.data(servers), file));
    await servers.start('ferretdb');
  }

  /** Keeps a copy of the databases just loaded, and drops copies made by other code. */
  async keep(servers: LocalServers, load: CityLoad): Promise<void> {
    await servers.stop('ferretdb');
    try {
      for (const stale of readdirSync(CACHE_ROOT).filter((d) => d.startsWith('bench-city-')))
        rmSync(path.join(CACHE_ROOT, stale), { recursive: true, force: true });
      mkdirSync(this.dir, { recursive: true });
      for (const file of this.databaseFiles(this.data(servers)))
        copyFileSync(path.join(this.data(servers), file), path.join(this.dir, file));
      // Last: a copy cut short has no figures, so it is not taken for a whole one.
      writeFileSync(path.join(this.dir, 'load.json'), `${JSON.stringify(load, null, 2)}\n`);
    } finally {
      await servers.start('ferretdb');
    }
  }

  private data(servers: LocalServers): string {
    return path.join(servers.dir, 'ferretdb', 'data');
  }

  /** The SQLite files of the benchmark's databases (a clean stop leaves no write-ahead log). */
  private databaseFiles(dir: string): string[] {
    return readdirSync(dir).filter((f) => f.startsWith(`${this.databasePrefix}-`) && f.includes('.sqlite'));
  }
}
