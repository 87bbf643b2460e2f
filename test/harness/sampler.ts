/**
 * Samples, once a second, each process's resident memory and CPU (from /proc) and each consumer
 * group's lag (from the broker): the benchmark's figures over time.
 */
import { readFileSync } from 'node:fs';
import { LagProbe } from './lag';

export interface ProcessSample {
  t: number;
  rssMB: number;
  /** Share of one core since the previous sample (1 = one core busy). */
  cpu: number;
}

const TICKS_PER_SECOND = 100; // Linux USER_HZ

function readProc(pid: number): { rssMB: number; ticks: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    return { rssMB: Math.round(rss), ticks };
  } catch {
    return undefined;
  }
}

export class Sampler {
  readonly processes = new Map<string, ProcessSample[]>();
  readonly lag = new Map<string, Array<{ t: number; lag: number }>>();
  private readonly last = new Map<string, { at: number; ticks: number; pid: number }>();
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private readonly probe: LagProbe;

  constructor(
    brokers: readonly string[],
    private readonly pids: () => Record<string, number | undefined>,
    private readonly groups: Record<string, readonly string[]>,
    private readonly startedAt = Date.now(),
  ) {
    this.probe = new LagProbe(brokers);
  }

  start(intervalMs = 1_000): this {
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      this.sample()
        .catch(() => undefined)
        .finally(() => (this.busy = false));
    }, intervalMs);
    return this;
  }

  private async sample(): Promise<void> {
    const now = Date.now();
    const t = Math.round((now - this.startedAt) / 100) / 10;
    for (const [name, pid] of Object.entries(this.pids())) {
      if (!pid) continue;
      const read = readProc(pid);
      if (!read) continue;
      const before = this.last.get(name);
      this.last.set(name, { at: now, ticks: read.ticks, pid });
      // A restarted process (new pid) starts its CPU count again.
      if (!before || before.pid !== pid) continue;
      const cpu = (read.ticks - before.ticks) / TICKS_PER_SECOND / ((now - before.at) / 1000);
      const list = this.processes.get(name) ?? [];
      list.push({ t, rssMB: read.rssMB, cpu: Math.round(cpu * 100) / 100 });
      this.processes.set(name, list);
    }
    const lags = await this.probe.lags(this.groups);
    for (const [group, lag] of lags) {
      const list = this.lag.get(group) ?? [];
      list.push({ t, lag });
      this.lag.set(group, list);
    }
  }

  /** Peak resident memory and mean CPU per process between two times (seconds since start). */
  summary(from = 0, to = Number.POSITIVE_INFINITY) {
    return Object.fromEntries(
      [...this.processes].map(([name, samples]) => {
        const within = samples.filter((s) => s.t >= from && s.t <= to);
        const peak = Math.max(0, ...within.map((s) => s.rssMB));
        const cpu = within.length ? within.reduce((n, s) => n + s.cpu, 0) / within.length : 0;
        return [name, { peakRssMB: peak, meanCpuCores: Math.round(cpu * 100) / 100 }];
      }),
    );
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.probe.close().catch(() => undefined);
  }
}
