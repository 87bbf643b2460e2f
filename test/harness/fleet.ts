/**
 * The four services as separate OS processes (their own `main.ts`, real mode, as deployed) on
 * given servers: started, killed (SIGKILL: no shutdown hook runs), restarted, measured. Used by the
 * end-to-end suite, the fault suite and the pipeline benchmark. case-graph can run as several
 * instances in one consumer group (scale-out); clients talk to the first.
 */
import { ON_A_TEST_MACHINE } from './one-machine';
import net from 'node:net';
import path from 'node:path';
import { allTopics, topics } from '@truyvet/events';
import type { ServicePorts } from '../../scripts/scenario/clients';
import { ChildProgram } from './child';

const ROOT = path.resolve(__dirname, '../..');

export const SERVICES = ['sample-collection', 'lab-results', 'case-graph', 'reporting'] as const;
export type Service = (typeof SERVICES)[number];

export const portKey: Record<Service, keyof ServicePorts> = {
  'sample-collection': 'samples',
  'lab-results': 'lab',
  'case-graph': 'cases',
  reporting: 'reports',
};

/** The streams each service's consumer group reads (its lag; where a poison event ends up). */
export const CONSUMED: Record<Service, readonly string[]> = {
  'sample-collection': [
    topics.samples.topic,
    topics.shipments.topic,
    topics.labResults.topic,
    topics.cases.topic,
    topics.testOrders.topic,
  ],
  'lab-results': [topics.samples.topic, topics.shipments.topic, topics.labResults.topic],
  'case-graph': [topics.persons.topic, topics.labResults.topic, topics.cases.topic, topics.isolation.topic],
  reporting: allTopics.map((t) => t.topic),
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

export interface FleetOptions {
  brokers: readonly string[];
  mongoUri: string;
  /** Prefix of the databases (and the person-id secret): one run's data apart from another's. */
  run: string;
  logLevel?: string;
  /** Consumer groups by service (default: the service's own). */
  groups?: Partial<Record<Service, string>>;
  /** Extra environment for every service (e.g. a shorter Kafka session timeout). */
  env?: Record<string, string>;
}

/** One running process: `case-graph` is instance 0, `case-graph#1` the second. */
export interface Instance {
  name: string;
  service: Service;
  child: ChildProgram;
  port: number;
}

export class ServiceFleet {
  readonly ports = {} as ServicePorts;
  private readonly instances = new Map<string, Instance>();
  private readonly extraPorts = new Map<string, number>();

  constructor(private readonly options: FleetOptions) {}

  /** Starts one process of each service (and the extra case-graph instances), waits until all serve. */
  async start(caseGraphInstances = 1): Promise<this> {
    for (const service of SERVICES) this.ports[portKey[service]] = await freePort();
    await Promise.all(SERVICES.map((s) => this.launch(s)));
    for (let i = 1; i < caseGraphInstances; i++) await this.launch('case-graph', i);
    return this;
  }

  private envOf(service: Service, port: number): Record<string, string> {
    const group = this.options.groups?.[service];
    return {
      TRUYVET_MODE: 'real',
      KAFKA_BROKERS: this.options.brokers.join(','),
      MONGODB_URI: this.options.mongoUri,
      MONGODB_DB: `${this.options.run}-${service}`,
      ...ON_A_TEST_MACHINE,
      PERSON_ID_SECRET: `${this.options.run}-person-ids`,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      LOG_LEVEL: this.options.logLevel ?? 'info',
      RELEASE_SWEEP_MS: '0',
      ...(group ? { CONSUMER_GROUP: group } : {}),
      ...this.options.env,
    };
  }

  static nameOf(service: Service, instance = 0): string {
    return instance === 0 ? service : `${service}#${instance}`;
  }

  /** Starts (or starts again) one instance and waits until it serves. */
  async launch(service: Service, instance = 0): Promise<Instance> {
    const name = ServiceFleet.nameOf(service, instance);
    let port = instance === 0 ? this.ports[portKey[service]] : this.extraPorts.get(name);
    if (port === undefined) {
      port = await freePort();
      this.extraPorts.set(name, port);
    }
    const child = new ChildProgram(
      path.join(ROOT, 'services', service, 'src/main.ts'),
      this.envOf(service, port),
    );
    const started: Instance = { name, service, child, port };
    this.instances.set(name, started);
    await child.waitFor(new RegExp(`"msg":"${service} serving"`), 180_000);
    return started;
  }

  /** SIGKILL, then the same instance again; answers how long until it served again (ms). */
  async killAndRestart(service: Service, instance = 0): Promise<number> {
    const started = Date.now();
    await this.instances.get(ServiceFleet.nameOf(service, instance))?.child.kill('SIGKILL');
    await this.launch(service, instance);
    return Date.now() - started;
  }

  list(): Instance[] {
    return [...this.instances.values()];
  }

  /** The last lines of every instance's output (for a failure message). */
  tail(lines = 15): string {
    return this.list()
      .map((i) => {
        // Call lines say little; warnings and errors say why.
        const telling = i.child.lines.filter(
          (l) => !l.includes('"msg":"grpc call"') || !l.includes('"status":"OK"'),
        );
        return `--- ${i.name}\n${telling.slice(-lines).join('\n')}`;
      })
      .join('\n');
  }

  async stop(): Promise<void> {
    await Promise.all(this.list().map((i) => i.child.kill('SIGTERM')));
  }
}
