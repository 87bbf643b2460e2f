/**
 * Sums up a store trace (TRUYVET_STORE_TRACE=<dir>, see libs/store/src/mongo.ts): per process and
 * per kind of command (command, collection, filter shape), how many, how long in all and on
 * average, and how many documents or ids they carried. Sorted by total time.
 *
 *   TRUYVET_STORE_TRACE=/tmp/trace BENCH_SAMPLED=300 BENCH_INSTANCES=1 npm run bench
 *   npx tsx bench/store/trace-summary.ts /tmp/trace [rows]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface Traced {
  cmd: string;
  coll: string;
  shape: string;
  n: number;
  ms: number;
  failed: boolean;
}

const dir = process.argv[2];
const rows = Number(process.argv[3] ?? 40);
if (!dir) {
  console.error('usage: trace-summary.ts <trace dir> [rows]');
  process.exit(2);
}

const kinds = new Map<string, { count: number; ms: number; n: number; failed: number }>();
const perProcess = new Map<string, { count: number; ms: number }>();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
  const process_ = file.replace(/-\d+\.jsonl$/, '').replace(/^truyvet-/, '');
  for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
    if (!line) continue;
    const t = JSON.parse(line) as Traced;
    const key = `${process_}\t${t.cmd}\t${t.coll}\t${t.shape}`;
    const k = kinds.get(key) ?? { count: 0, ms: 0, n: 0, failed: 0 };
    k.count++;
    k.ms += t.ms;
    k.n += t.n;
    if (t.failed) k.failed++;
    kinds.set(key, k);
    const p = perProcess.get(process_) ?? { count: 0, ms: 0 };
    p.count++;
    p.ms += t.ms;
    perProcess.set(process_, p);
  }
}

console.log('| process | commands | ms in all |\n|---|---:|---:|');
for (const [name, p] of [...perProcess].sort((a, b) => b[1].ms - a[1].ms))
  console.log(`| ${name} | ${p.count} | ${Math.round(p.ms)} |`);
console.log(
  '\n| process | command | collection | filter | count | ms in all | ms each | docs/ids | failed |',
);
console.log('|---|---|---|---|---:|---:|---:|---:|---:|');
for (const [key, k] of [...kinds].sort((a, b) => b[1].ms - a[1].ms).slice(0, rows)) {
  const [name, cmd, coll, shape] = key.split('\t');
  console.log(
    `| ${name} | ${cmd} | ${coll} | ${shape || '-'} | ${k.count} | ${Math.round(k.ms)} | ${(k.ms / k.count).toFixed(1)} | ${k.n} | ${k.failed} |`,
  );
}
