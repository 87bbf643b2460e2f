/**
 * A Kafka broker and a FerretDB of their own (deploy/local, in a separate directory on separate
 * ports, from a wiped data directory), for runs that must stop and restart the servers (the fault
 * suite) or measure on servers nobody else uses (the pipeline benchmark). The installs are the
 * cached ones every other run uses.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '../..');

export interface LocalServerPorts {
  kafka: number;
  controller: number;
  ferretdb: number;
}

export type Server = 'kafka' | 'ferretdb';

export class LocalServers {
  readonly brokers: string[];
  readonly mongoUri: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly dir: string,
    ports: LocalServerPorts,
  ) {
    this.brokers = [`127.0.0.1:${ports.kafka}`];
    this.mongoUri = `mongodb://127.0.0.1:${ports.ferretdb}/`;
    this.env = {
      ...process.env,
      TRUYVET_LOCAL_DIR: dir,
      KAFKA_PORT: String(ports.kafka),
      KAFKA_CONTROLLER_PORT: String(ports.controller),
      FERRETDB_PORT: String(ports.ferretdb),
    };
  }

  private async script(name: string, ...args: string[]): Promise<string> {
    const { stdout } = await run('bash', [path.join(repoRoot, 'deploy/local', name), ...args], {
      env: this.env,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 600_000,
    });
    return stdout.trim();
  }

  /** Both servers from empty data directories (installed first if the cache has none). */
  async up(): Promise<this> {
    await this.script('down.sh', '--wipe').catch(() => undefined);
    await this.script('up.sh', '--print-env');
    return this;
  }

  async down(): Promise<void> {
    await this.script('down.sh', '--wipe');
  }

  /** Stops one server (SIGTERM, as an operator or an orchestrator would) and waits until it is gone. */
  async stop(server: Server): Promise<void> {
    await this.script(`${server}.sh`, 'stop');
  }

  /** Starts it again on the same data and waits until it answers. */
  async start(server: Server): Promise<void> {
    await this.script(`${server}.sh`, 'start');
  }

  /** The server's process id (for its memory and CPU), from its pid file. */
  pid(server: Server): number | undefined {
    try {
      const pid = Number(readFileSync(path.join(this.dir, server, `${server}.pid`), 'utf8').split('\n')[0]);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  async versions(): Promise<string> {
    return `${await this.script('kafka.sh', 'version')}, ${await this.script('ferretdb.sh', 'version')}`;
  }
}
