/**
 * Message and service types for every `.proto` under `protos/`, generated with proto-loader's
 * typegen (`proto-loader-gen-types`) using PROTO_LOADER_OPTIONS, the very options the protos are
 * loaded with at run time. Output: `libs/grpc/src/generated/` (committed; never edit by hand):
 *   - `<dir>/<Message>.ts` per message and service, e.g. `generated/truyvet/testing/v1/Person.ts`
 *     (`Person` is what you send, `Person__Output` what you receive; a service file has its
 *     `...Client`, `...Handlers` and `...Definition` types);
 *   - `<file>.ts` at the top per proto file, e.g. `generated/registry.ts`, with `ProtoGrpcType`,
 *     the type of `loadGrpcObject('truyvet/testing/v1/registry.proto')`.
 * Import them as `@truyvet/grpc/src/generated/...`.
 *
 * From the repository root:
 *   npm run proto:gen     regenerate (after changing a .proto)
 *   npm run proto:check   fail if the committed types differ from what the protos generate (CI)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROTOS_DIR, PROTO_LOADER_OPTIONS } from '../proto';

const REPO_ROOT = path.resolve(PROTOS_DIR, '..');
const OUT_DIR = path.resolve(__dirname, '../generated');
const TYPEGEN = require.resolve('@grpc/proto-loader/build/bin/proto-loader-gen-types.js');

/** PROTO_LOADER_OPTIONS as typegen flags (include dirs relative to the repository, for stable output). */
export function typegenFlags(): string[] {
  const o = PROTO_LOADER_OPTIONS;
  return [
    ...(o.keepCase ? ['--keepCase'] : []),
    ...(o.longs ? [`--longs=${o.longs.name}`] : []),
    ...(o.enums ? [`--enums=${o.enums.name}`] : []),
    ...(o.defaults ? ['--defaults'] : []),
    ...(o.oneofs ? ['--oneofs'] : []),
    ...(o.includeDirs ?? []).map((dir) => `--includeDirs=${path.relative(REPO_ROOT, dir)}`),
    '--grpcLib=@grpc/grpc-js',
  ];
}

/** Every file under `dir`, relative to it, sorted. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

function generate(outDir: string): void {
  const protos = listFiles(PROTOS_DIR).filter((file) => file.endsWith('.proto'));
  if (protos.length === 0) throw new Error(`no .proto files under ${PROTOS_DIR}`);
  execFileSync(process.execPath, [TYPEGEN, ...typegenFlags(), `--outDir=${outDir}`, ...protos], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}

/** Differences between two generated trees, one line each. */
function compare(expectedDir: string, actualDir: string): string[] {
  const expected = listFiles(expectedDir);
  const actual = new Set(listFiles(actualDir));
  const problems: string[] = [];
  for (const file of expected) {
    if (!actual.has(file)) problems.push(`missing: ${file}`);
    else if (
      !fs.readFileSync(path.join(expectedDir, file)).equals(fs.readFileSync(path.join(actualDir, file)))
    ) {
      problems.push(`differs: ${file}`);
    }
    actual.delete(file);
  }
  for (const file of actual) problems.push(`stale: ${file}`);
  return problems;
}

function main(): void {
  const check = process.argv.includes('--check');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'truyvet-typegen-'));
  try {
    generate(tmp);
    const relativeOut = path.relative(REPO_ROOT, OUT_DIR);
    if (check) {
      const problems = compare(tmp, OUT_DIR);
      if (problems.length > 0) {
        process.stderr.write(
          `${relativeOut} is out of date with protos/ (run \`npm run proto:gen\`):\n` +
            problems.map((p) => `  ${p}\n`).join(''),
        );
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${relativeOut} is up to date with protos/\n`);
    } else {
      fs.rmSync(OUT_DIR, { recursive: true, force: true });
      fs.cpSync(tmp, OUT_DIR, { recursive: true });
      process.stdout.write(`generated ${listFiles(OUT_DIR).length} files in ${relativeOut}\n`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) main();
