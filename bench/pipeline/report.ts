/**
 * The pipeline benchmark's report: a short Markdown table (goals met or missed) and an HTML page
 * with the figures over time drawn as plain SVG (no script, opens anywhere).
 */
import type { PipelineReport } from './bench';

type Run = PipelineReport['runs'][number];

const fmt = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 2 });
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

function services(run: Run): Array<[string, { peakRssMB: number; meanCpuCores: number }]> {
  return Object.entries(run.resources);
}

export function renderMarkdown(report: PipelineReport): string {
  const lines: string[] = [];
  lines.push(`# Pipeline benchmark, ${report.at}`);
  lines.push('');
  lines.push(
    `${report.machine.cores} cores, Node ${report.machine.node}, ${report.machine.servers}. City of ` +
      `${fmt(report.city.persons)} people in ${fmt(report.city.households)} households (seed ${report.city.seed}); ` +
      `${fmt(report.sampled.people)} people in ${fmt(report.sampled.households)} households swabbed ` +
      `(${report.sampled.pooledShare * 100}% of households pooled, positivity ${report.sampled.positivity * 100}%` +
      (report.sampled.pacedPositivity !== undefined
        ? report.sampled.pacedPeople
          ? `); then ${fmt(report.sampled.pacedPeople)} other people for the paced latency phase (positivity ${report.sampled.pacedPositivity * 100}%).`
          : `, ${report.sampled.pacedPositivity * 100}% in the paced latency phase).`
        : ').') +
      (report.sampled.warmUp
        ? ` Before each configuration was measured, ${fmt(report.sampled.warmUp)} other people went through every stage, not counted (the broker's and the services' compilers warm, as in production).`
        : ''),
  );
  lines.push('');
  lines.push(
    report.loaded
      ? `Before the first configuration the rest of the city was loaded straight into the services' databases ` +
          `(bench/pipeline/city-loader.ts): ${fmt(report.loaded.persons)} people in ${fmt(report.loaded.households)} households, ` +
          `${fmt(report.loaded.documents)} documents in ${report.loaded.seconds} s (of which the services' indexes on them ${report.loaded.indexSeconds} s)` +
          `${report.loaded.restored ? '; this run copied the databases of that load back from the benchmark cache (bench/pipeline/city-cache.ts)' : ''}. ` +
          `Each configuration swabs households of its own ` +
          `(registered through the API during the run) and goes on from the data the one before left.`
      : 'The city was not loaded (BENCH_LOAD_CITY=0): the stores held only the swabbed households.',
  );
  for (const run of report.runs) {
    lines.push('');
    lines.push(`## ${run.instances} case-graph instance${run.instances > 1 ? 's' : ''}`);
    lines.push('');
    lines.push(
      '| Stage | Items | API s | Settled s | Items/s | Docs written/item | Events/item | Raw ceiling/s | Ratio |',
    );
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const s of run.stages)
      lines.push(
        `| ${s.stage} | ${fmt(s.items)} | ${fmt(s.apiMs / 1000)} | ${fmt(s.settledMs / 1000)} | ${fmt(s.perSecond)} | ` +
          `${s.documentsPerItem} | ${s.eventsPerItem} | ${fmt(s.ceilingPerSecond)} | ${s.ratio} |`,
      );
    const e = run.endToEnd;
    lines.push(
      `| **end to end (samples)** | ${fmt(e.tubes)} | | ${fmt(e.seconds)} | ${fmt(e.samplesPerSecond)} | | | | |`,
    );
    lines.push('');
    const served = [...new Set(run.stages.flatMap((s) => Object.keys(s.commandsPerItem)))].sort();
    if (served.length > 0) {
      lines.push(`| Store commands per item | ${served.join(' | ')} | all |`);
      lines.push(`|---|${served.map(() => '---:|').join('')}---:|`);
      for (const s of run.stages) {
        const per = served.map((service) => s.commandsPerItem[service] ?? 0);
        const all = Math.round(per.reduce((a, b) => a + b, 0) * 100) / 100;
        lines.push(`| ${s.stage} | ${per.join(' | ')} | ${all} |`);
      }
      lines.push('');
    }
    const k = run.ceilings.kafka;
    const m = run.ceilings.insertMany;
    lines.push(
      `Raw ceilings on the same servers: kafkajs ${fmt(k.messages)} messages of ${k.bytes} B produced ` +
        `(${fmt(k.producePerSecond)}/s) and consumed (${fmt(k.consumePerSecond)}/s), ${fmt(k.perSecond)}/s both; ` +
        `insertMany of ${fmt(m.documents)} documents of ${m.bytes} B, ${fmt(m.perSecond)}/s.`,
    );
    lines.push('');
    const f = run.latency.fullSpeed;
    const p = run.latency.paced;
    lines.push(
      '| Result published -> F1 isolation orders published | n | p50 ms | p90 ms | p99 ms | max ms |',
    );
    lines.push('|---|---:|---:|---:|---:|---:|');
    lines.push(
      `| full speed (${fmt(f.resultsPerSecond)} results/s) | ${f.n} | ${f.p50} | ${f.p90} | ${f.p99} | ${f.max} |`,
    );
    lines.push(
      `| paced at half (${fmt(p.resultsPerSecond)} results/s${p.results ? `, ${fmt(p.results)} results` : ''}) | ${p.n} | ${p.p50} | ${p.p90} | ${p.p99} | ${p.max} |`,
    );
    lines.push(
      `| of which result -> CaseConfirmed, full speed | ${f.toCase.n} | ${f.toCase.p50} | ${f.toCase.p90} | ${f.toCase.p99} | ${f.toCase.max} |`,
    );
    lines.push(
      `| of which result -> CaseConfirmed, paced | ${p.toCase.n} | ${p.toCase.p50} | ${p.toCase.p90} | ${p.toCase.p99} | ${p.toCase.max} |`,
    );
    lines.push('');
    const groups = Object.keys(run.lag);
    lines.push(`| Peak consumer lag (messages) | ${groups.join(' | ')} |`);
    lines.push(`|---|${groups.map(() => '---:').join('|')}|`);
    for (const mark of run.marks)
      lines.push(
        `| ${mark.stage} | ${groups
          .map((g) =>
            Math.max(
              0,
              ...(run.lag[g] ?? []).filter((p) => p.t >= mark.from && p.t <= mark.to).map((p) => p.lag),
            ),
          )
          .join(' | ')} |`,
      );
    lines.push('');
    lines.push('| Process | Peak resident MB | Mean CPU (cores) |');
    lines.push('|---|---:|---:|');
    for (const [name, r] of services(run)) lines.push(`| ${name} | ${r.peakRssMB} | ${r.meanCpuCores} |`);
    lines.push('');
    const c = run.correctness;
    lines.push(
      `Correctness: ${c.casesSeen} of ${c.expectedCases} expected cases; persons with two cases: ${c.personsWithTwoCases}; ` +
        `persons with two isolation orders of one kind: ${c.personKindsWithTwoIsolationOrders}.`,
    );
    lines.push('');
    const v = run.views;
    lines.push(`| Operators' view, one call after another | n | p50 ms | p99 ms | max ms |`);
    lines.push('|---|---:|---:|---:|---:|');
    lines.push(
      `| city daily report | ${v.dailyReport.n} | ${v.dailyReport.p50} | ${v.dailyReport.p99} | ${v.dailyReport.max} |`,
    );
    lines.push(
      `| isolation list of ward ${v.isolationList.ward} (${v.isolationList.people} people)` +
        `${v.isolationList.failed ? ` (then failed: ${v.isolationList.failed})` : ''} | ${v.isolationList.n} | ` +
        `${v.isolationList.p50} | ${v.isolationList.p99} | ${v.isolationList.max} |`,
    );
    lines.push('');
    const servicesOnly = services(run).filter(([n]) => n !== 'kafka' && n !== 'ferretdb');
    const worstRatio = Math.min(...run.stages.map((s) => s.ratio));
    lines.push('| Goal | Measured | |');
    lines.push('|---|---|---|');
    lines.push(
      `| >= 300 samples/s end to end | ${e.samplesPerSecond} samples/s | ${met(e.samplesPerSecond >= 300)} |`,
    );
    lines.push(`| each stage >= 0.5 of its raw ceiling | lowest ${worstRatio} | ${met(worstRatio >= 0.5)} |`);
    lines.push(
      `| result -> F1 orders p99 <= 250 ms at half the maximum | ${p.p99} ms | ${met(p.n > 0 && p.p99 <= 250)} |`,
    );
    const maxRss = Math.max(...servicesOnly.map(([, r]) => r.peakRssMB));
    lines.push(`| <= 250 MB resident per service | highest ${maxRss} MB | ${met(maxRss <= 250)} |`);
    const slowestView =
      v.dailyReport.failed || v.isolationList.failed
        ? Infinity
        : Math.max(v.dailyReport.p99, v.isolationList.p99);
    lines.push(
      `| daily report and isolation list p99 < 1 s | ${v.dailyReport.p99} / ${v.isolationList.p99} ms | ${met(slowestView < 1_000)} |`,
    );
    lines.push(
      `| nothing doubled | ${c.personsWithTwoCases + c.personKindsWithTwoIsolationOrders} | ${met(c.personsWithTwoCases + c.personKindsWithTwoIsolationOrders === 0)} |`,
    );
  }
  if (report.runs.length > 1) {
    lines.push('');
    lines.push('## Scale-out');
    lines.push('');
    lines.push(
      '| case-graph instances | Results stage items/s (settled) | p50 / p99 full speed ms | Cases | Doubled |',
    );
    lines.push('|---:|---:|---:|---:|---:|');
    for (const run of report.runs) {
      const results = run.stages.find((s) => s.stage.startsWith('accession'));
      lines.push(
        `| ${run.instances} | ${fmt(results?.perSecond ?? 0)} | ${run.latency.fullSpeed.p50} / ${run.latency.fullSpeed.p99} | ` +
          `${run.correctness.casesSeen} / ${run.correctness.expectedCases} | ` +
          `${run.correctness.personsWithTwoCases + run.correctness.personKindsWithTwoIsolationOrders} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf', '#7f7f7f'];

/** A small line or dot chart as SVG: x in seconds, one series per name. */
function chart(
  title: string,
  yLabel: string,
  series: Array<{ name: string; points: Array<{ x: number; y: number }>; dots?: boolean }>,
): string {
  const width = 860;
  const height = 260;
  const pad = { left: 60, right: 170, top: 30, bottom: 36 };
  const all = series.flatMap((s) => s.points);
  const maxX = Math.max(1, ...all.map((p) => p.x));
  const maxY = Math.max(1, ...all.map((p) => p.y));
  const x = (v: number) => pad.left + (v / maxX) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / maxY) * (height - pad.top - pad.bottom);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${title}">`,
    `<text x="${pad.left}" y="18" font-size="14" font-weight="bold">${title}</text>`,
    `<line x1="${pad.left}" y1="${y(0)}" x2="${x(maxX)}" y2="${y(0)}" stroke="#999"/>`,
    `<line x1="${pad.left}" y1="${y(0)}" x2="${pad.left}" y2="${y(maxY)}" stroke="#999"/>`,
    `<text x="${pad.left - 6}" y="${y(maxY) + 4}" font-size="11" text-anchor="end">${fmt(maxY)}</text>`,
    `<text x="${pad.left - 6}" y="${y(0) + 4}" font-size="11" text-anchor="end">0</text>`,
    `<text x="${x(maxX)}" y="${height - 12}" font-size="11" text-anchor="end">${fmt(maxX)} s</text>`,
    `<text x="14" y="${(height - pad.bottom + pad.top) / 2}" font-size="11" transform="rotate(-90 14 ${(height - pad.bottom + pad.top) / 2})">${yLabel}</text>`,
  ];
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length] ?? '#000';
    if (s.dots)
      for (const p of s.points) parts.push(`<circle cx="${x(p.x)}" cy="${y(p.y)}" r="2" fill="${color}"/>`);
    else if (s.points.length > 0)
      parts.push(
        `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${s.points.map((p) => `${x(p.x)},${y(p.y)}`).join(' ')}"/>`,
      );
    parts.push(
      `<text x="${width - pad.right + 10}" y="${pad.top + 14 * i}" font-size="11" fill="${color}">${s.name}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

export function renderHtml(report: PipelineReport): string {
  const sections = report.runs.map((run) => {
    const latency = ['full speed', 'paced'].map((phase) => ({
      name: `${phase} result -> F1 orders`,
      dots: true,
      points: run.latency.points.filter((p) => p.phase === phase).map((p) => ({ x: p.t, y: p.ms })),
    }));
    const lag = Object.entries(run.lag).map(([name, list]) => ({
      name,
      points: list.map((p) => ({ x: p.t, y: p.lag })),
    }));
    const memory = Object.entries(run.memory).map(([name, list]) => ({
      name,
      points: list.map((p) => ({ x: p.t, y: p.rssMB })),
    }));
    const cpu = Object.entries(run.memory).map(([name, list]) => ({
      name,
      points: list.map((p) => ({ x: p.t, y: p.cpu })),
    }));
    const marks = run.marks.map((m) => `<li>${m.stage}: ${fmt(m.from)} s – ${fmt(m.to)} s</li>`).join('');
    return [
      `<h2>${run.instances} case-graph instance${run.instances > 1 ? 's' : ''}</h2>`,
      `<ul>${marks}</ul>`,
      chart('Result published -> last F1 isolation order published', 'ms', latency),
      chart('Consumer lag (messages)', 'messages', lag),
      chart('Resident memory', 'MB', memory),
      chart('CPU', 'cores', cpu),
    ].join('\n');
  });
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>truyvet pipeline benchmark</title>',
    '<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:900px} svg{display:block;margin:1rem 0}</style>',
    '</head><body>',
    `<h1>truyvet pipeline benchmark</h1><p>${report.at}; ${report.machine.servers}; ${fmt(report.sampled.people)} people swabbed.</p>`,
    ...sections,
    '</body></html>',
    '',
  ].join('\n');
}
