/**
 * The boundaries docs/architecture.md draws, read from the code's imports: libraries in layers, no
 * service importing another, no package reaching into another's files, every package declaring
 * the packages it imports. Used by layers.test.ts; no I/O beyond reading the tree.
 */
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface Workspace {
  /** `libs/store`, `services/case-graph` */
  dir: string;
  /** `@truyvet/store` */
  name: string;
  kind: 'lib' | 'service';
  /** Subpaths its package.json exports (`.`, `./cases`, ...). */
  exports: string[];
  dependencies: string[];
}

export interface Layers {
  /** Library name (without `@truyvet/`) -> its layer, 0 the lowest. */
  libraries: Map<string, number>;
  services: string[];
}

/** One import of one file: the file, relative to the repository, and what it names. */
export interface ImportSite {
  file: string;
  specifier: string;
}

/** The fenced ```layers block of the architecture document. */
export function readLayers(markdown: string): Layers {
  const block = /```layers\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!block) throw new Error('docs/architecture.md has no ```layers block');
  const libraries = new Map<string, number>();
  let services: string[] = [];
  for (const line of block.split('\n')) {
    const match = /^\s*(services|libs (\d+)):\s*(.*)$/.exec(line);
    if (!match) continue;
    const names = (match[3] ?? '').split(/\s+/).filter(Boolean);
    if (match[1] === 'services') services = names;
    else for (const name of names) libraries.set(name, Number(match[2]));
  }
  return { libraries, services };
}

export function readWorkspaces(root = REPO_ROOT): Workspace[] {
  return ['libs', 'services'].flatMap((parent) =>
    fs
      .readdirSync(path.join(root, parent))
      .filter((name) => fs.existsSync(path.join(root, parent, name, 'package.json')))
      .map((name) => {
        const pkg = JSON.parse(fs.readFileSync(path.join(root, parent, name, 'package.json'), 'utf8')) as {
          name: string;
          exports?: Record<string, string>;
          dependencies?: Record<string, string>;
        };
        return {
          dir: `${parent}/${name}`,
          name: pkg.name,
          kind: parent === 'libs' ? ('lib' as const) : ('service' as const),
          exports: Object.keys(pkg.exports ?? { '.': '' }),
          dependencies: Object.keys(pkg.dependencies ?? {}),
        };
      }),
  );
}

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const SKIPPED = new Set(['node_modules', 'dist', 'generated', '.local']);

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

/** What a file imports: static imports and re-exports, `import()` and `require()` of literals. */
export function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').filter(Boolean);
}

/** Every import of every workspace's files. */
export function readImports(workspaces: readonly Workspace[], root = REPO_ROOT): ImportSite[] {
  return workspaces.flatMap((ws) =>
    sourceFiles(path.join(root, ws.dir)).flatMap((full) =>
      importsOf(fs.readFileSync(full, 'utf8')).map((specifier) => ({
        file: path.relative(root, full),
        specifier,
      })),
    ),
  );
}

/** Test code: suites, and the kits they share (they may reach the repository's test harness). */
const isTestCode = (file: string): boolean =>
  /\.(test|suite)\.tsx?$/.test(file) || file.includes('/testing/');

/** What breaks the boundaries, one line each (empty when the code keeps them). */
export function boundaryViolations(
  workspaces: readonly Workspace[],
  layers: Layers,
  sites: readonly ImportSite[],
): string[] {
  const problems: string[] = [];
  const byName = new Map(workspaces.map((ws) => [ws.name, ws]));
  for (const ws of workspaces) {
    const short = ws.name.replace('@truyvet/', '');
    if (ws.kind === 'lib' && !layers.libraries.has(short))
      problems.push(`${ws.dir}: not in any layer of docs/architecture.md`);
    if (ws.kind === 'service' && !layers.services.includes(short))
      problems.push(`${ws.dir}: not among the services of docs/architecture.md`);
  }
  for (const name of [...layers.libraries.keys(), ...layers.services])
    if (!byName.has(`@truyvet/${name}`))
      problems.push(`docs/architecture.md names ${name}, which is no package`);

  for (const { file, specifier } of sites) {
    const from = workspaces.find((ws) => file.startsWith(`${ws.dir}/`));
    if (!from) continue;
    const where = `${file}: ${specifier}`;
    if (specifier.startsWith('.')) {
      const target = path.normalize(path.join(path.dirname(file), specifier));
      const inside = target.startsWith(`${from.dir}/`);
      const toHarness = target.startsWith('test/harness') && isTestCode(file);
      if (!inside && !toHarness) problems.push(`${where}: reaches out of ${from.dir} by a relative path`);
      continue;
    }
    const match = /^(@truyvet\/[^/]+)(\/.*)?$/.exec(specifier);
    if (!match?.[1]) continue;
    const to = byName.get(match[1]);
    if (!to) {
      problems.push(`${where}: no such package`);
      continue;
    }
    if (to === from) {
      problems.push(`${where}: a package imports its own files by relative path, not by its name`);
      continue;
    }
    const subpath = `.${match[2] ?? ''}`;
    if (!to.exports.includes(subpath)) problems.push(`${where}: ${to.name} does not export ${subpath}`);
    if (!from.dependencies.includes(to.name))
      problems.push(`${where}: ${from.dir}/package.json does not declare ${to.name}`);
    if (to.kind === 'service') {
      problems.push(
        `${where}: a service imported by ${from.kind === 'service' ? 'another service' : 'a library'}`,
      );
      continue;
    }
    if (from.kind === 'lib') {
      const mine = layers.libraries.get(from.name.replace('@truyvet/', ''));
      const theirs = layers.libraries.get(to.name.replace('@truyvet/', ''));
      if (mine !== undefined && theirs !== undefined && theirs >= mine)
        problems.push(`${where}: layer ${mine} imports layer ${theirs} (only lower layers)`);
    }
  }
  return problems;
}
