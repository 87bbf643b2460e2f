import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';

// `node --import tsx`, not the tsx command: that one runs the program in a child process of its
// own, so a SIGKILL would hit the wrapper and leave the program running.
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;

// Children must not outlive the process that started them (a crashed benchmark would leave
// services in the consumer groups of the next run).
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A TypeScript program run as a separate OS process, so a test can really kill it (SIGKILL). */
export class ChildProgram {
  readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly process: ChildProcess;
  private waiters: Array<() => void> = [];

  constructor(script: string, env: Record<string, string>) {
    // TRUYVET_CHILD_PROFILE=<dir>: a V8 CPU profile of each program into <dir>, written when it
    // exits on its own (a stop, not a SIGKILL). Node refuses --cpu-prof in NODE_OPTIONS.
    const profileDir = process.env.TRUYVET_CHILD_PROFILE;
    const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
    this.process = spawn(process.execPath, [...profile, '--import', tsxLoader, script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // TRUYVET_CHILD_LOGS=<dir>: every line also to <dir>/<program>-<pid>.log, for a post-mortem.
    const logDir = process.env.TRUYVET_CHILD_LOGS;
    const logFile = logDir
      ? path.join(logDir, `${path.basename(path.dirname(path.dirname(script)))}-${this.process.pid}.log`)
      : undefined;
    if (logDir) mkdirSync(logDir, { recursive: true });
    const onLine = (line: string): void => {
      this.lines.push(line);
      if (logFile) appendFileSync(logFile, `${line}\n`);
      for (const wake of this.waiters.splice(0)) wake();
    };
    if (this.process.stdout) readline.createInterface({ input: this.process.stdout }).on('line', onLine);
    if (this.process.stderr)
      readline
        .createInterface({ input: this.process.stderr })
        .on('line', (l) => this.lines.push(`stderr: ${l}`));
    live.add(this.process);
    this.exited = new Promise((resolve) =>
      this.process.on('exit', (code) => {
        live.delete(this.process);
        resolve(code);
      }),
    );
  }

  /** Waits for a line of the program's output matching `pattern`; returns it. */
  async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.find((l) => pattern.test(l));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `no line matching ${String(pattern)} within ${timeoutMs} ms; output:\n${this.lines.slice(-30).join('\n')}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Sends a signal and waits for the process to be gone. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill(signal);
    await this.exited;
  }
}
