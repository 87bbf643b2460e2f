/**
 * Every gRPC method of the four services, called with generated malformed requests: empty and
 * missing fields, huge strings, unknown enum words, impossible dates, negative and huge numbers,
 * long lists, undecodable bytes. Each call must end with a proper status code within its deadline
 * (never UNKNOWN, never a hang, never INTERNAL for a request that decoded), and every service must
 * still answer afterwards. The requests are generated from the protos' descriptors with a fixed
 * seed, so a failure is reproducible; the count of cases tried is printed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import type * as protoLoader from '@grpc/proto-loader';
import { checkHealth, DEV_SIGNING_KEY, issueToken, loadProto } from '@truyvet/grpc';
import { startAllServices, type AllServices } from '../../scripts/scenario/all-services';
import { callRaw as call, NOT_SENT } from '../harness/raw-call';
// Each service answers for the gRPC services it lists; the protos hold their request types.
import { PROTOS, SERVED } from '../harness/served';

interface Field {
  name: string;
  type: string;
  typeName: string;
  label: string;
}
interface Descriptor {
  field: Field[];
  options?: { mapEntry?: boolean } | null;
}

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const BAD_STRINGS = [
  '',
  ' ',
  'x'.repeat(100_000),
  'not-a-thing',
  '2021-02-30',
  '9999-99-99T99:99:99Z',
  '-1',
  '../../etc/passwd',
  '{"$where":"1"}',
  '\u0000\uffff\ud800',
  'Nguyễn 🦠 '.repeat(50),
];
const BAD_NUMBERS = [-1, 0, 2_147_483_647, -2_147_483_648, 1e300, Number.NaN];

class RequestMaker {
  constructor(
    private readonly definition: protoLoader.PackageDefinition,
    private readonly next: () => number,
  ) {}

  private descriptor(typeName: string, scope: string): Descriptor | undefined {
    const candidates = typeName.startsWith('.')
      ? [typeName.slice(1)]
      : [
          `${scope}.${typeName}`,
          typeName,
          ...scope.split('.').map((_, i, parts) => `${parts.slice(0, i).join('.')}.${typeName}`),
        ];
    for (const name of candidates) {
      const found = this.definition[name] as { type?: Descriptor } | undefined;
      if (found?.type?.field) return found.type;
    }
    return undefined;
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)] as T;
  }

  /** A plausible-looking but wrong value for one field. */
  badValue(field: Field, scope: string, depth: number): unknown {
    const repeated = field.label === 'LABEL_REPEATED';
    const one = (): unknown => {
      switch (field.type) {
        case 'TYPE_STRING':
          return this.pick(BAD_STRINGS);
        case 'TYPE_BOOL':
          return this.next() < 0.5;
        case 'TYPE_DOUBLE':
        case 'TYPE_FLOAT':
          return this.pick(BAD_NUMBERS);
        case 'TYPE_INT32':
        case 'TYPE_INT64':
        case 'TYPE_UINT32':
        case 'TYPE_SINT32':
          return this.pick(BAD_NUMBERS.filter((n) => Number.isFinite(n) && Math.abs(n) < 2 ** 31));
        case 'TYPE_MESSAGE': {
          const nested = this.descriptor(field.typeName, scope);
          if (!nested || depth > 2) return {};
          if (nested.options?.mapEntry) return undefined;
          return this.malformed(nested, scope, depth + 1);
        }
        default:
          return undefined;
      }
    };
    if (field.type === 'TYPE_MESSAGE' && this.descriptor(field.typeName, scope)?.options?.mapEntry) {
      // A map field: odd keys, odd values.
      return { '': -1, [this.pick(BAD_STRINGS).slice(0, 200)]: 1e300 };
    }
    if (!repeated) return one();
    const length = this.pick([0, 1, 3, 600]);
    return Array.from({ length }, one);
  }

  /** A message with every field wrong (or missing, by chance). */
  malformed(descriptor: Descriptor, scope: string, depth = 0): Record<string, unknown> {
    const message: Record<string, unknown> = {};
    for (const field of descriptor.field) {
      if (this.next() < 0.2) continue;
      const value = this.badValue(field, scope, depth);
      if (value !== undefined) message[camel(field.name)] = value;
    }
    return message;
  }

  /** The requests tried on one method: empty, each field wrong alone, then everything wrong at once. */
  requestsFor(descriptor: Descriptor, scope: string, rounds: number): Array<Record<string, unknown>> {
    const requests: Array<Record<string, unknown>> = [{}];
    for (const field of descriptor.field) {
      const value = this.badValue(field, scope, 0);
      if (value !== undefined) requests.push({ [camel(field.name)]: value });
    }
    for (let i = 0; i < rounds; i++) requests.push(this.malformed(descriptor, scope));
    return requests;
  }
}

/** A request, short enough to read in a failure: long strings and lists are cut. */
function shortly(request: unknown): string {
  return JSON.stringify(request, (_key, value: unknown) => {
    if (typeof value === 'string' && value.length > 40)
      return `${value.slice(0, 20)}…(${value.length} chars)`;
    if (Array.isArray(value) && value.length > 3)
      return [...(value.slice(0, 3) as unknown[]), `…(${value.length} items)`];
    return value;
  }).slice(0, 400);
}

interface Outcome {
  method: string;
  code: grpc.status;
  details: string;
  raw: boolean;
  request: string;
}

describe('gRPC input fuzzing (every method of the four services)', () => {
  let services: AllServices;
  let metadata: grpc.Metadata;

  beforeAll(async () => {
    services = await startAllServices({
      mode: 'embedded',
      ports: { samples: 0, lab: 0, cases: 0, reports: 0 },
      logLevel: 'fatal',
    });
    metadata = new grpc.Metadata();
    const token = await issueToken(DEV_SIGNING_KEY, {
      sub: 'fuzz-admin',
      role: 'admin',
      jurisdiction: { level: 'city', code: '92' },
    });
    metadata.set('authorization', `Bearer ${token}`);
  }, 60_000);

  afterAll(async () => {
    await services.stop();
  });

  it('answers every malformed request with a proper status, in time, and keeps serving', async () => {
    const next = random(20211123);
    const outcomes: Outcome[] = [];
    let notSent = 0;
    const definition = loadProto(...PROTOS);
    const maker = new RequestMaker(definition, next);
    for (const { port, services: names } of SERVED) {
      const client = new grpc.Client(`127.0.0.1:${services.ports[port]}`, grpc.credentials.createInsecure());
      try {
        for (const serviceName of names) {
          const service = definition[serviceName] as grpc.ServiceDefinition;
          const scope = serviceName.split('.').slice(0, -1).join('.');
          for (const [methodName, method] of Object.entries(service)) {
            const descriptor = (method as { requestType?: { type?: Descriptor } }).requestType?.type;
            if (!descriptor) continue;
            const name = `${serviceName}/${methodName}`;
            for (const request of maker.requestsFor(descriptor, scope, 6)) {
              const answer = await call(client, method, request, metadata, false);
              if (answer.code === NOT_SENT) {
                notSent++;
                continue;
              }
              outcomes.push({
                method: name,
                ...answer,
                raw: false,
                request: shortly(request),
              });
            }
            // Bytes that are not this message at all.
            for (const bytes of [
              Buffer.from([0xff, 0xff, 0xff]),
              Buffer.from('garbage that is not protobuf'),
            ]) {
              outcomes.push({
                method: name,
                ...(await call(client, method, bytes, metadata, true)),
                raw: true,
                request: bytes.toString('hex'),
              });
            }
          }
        }
      } finally {
        client.close();
      }
    }

    const improper = outcomes.filter(
      (o) =>
        o.code === grpc.status.UNKNOWN ||
        o.code === grpc.status.DEADLINE_EXCEEDED ||
        o.code === grpc.status.UNAVAILABLE ||
        (o.code === grpc.status.INTERNAL && !(o.raw && /deserializ|parse|decode/i.test(o.details))),
    );
    const byCode = new Map<string, number>();
    for (const o of outcomes) byCode.set(grpc.status[o.code], (byCode.get(grpc.status[o.code]) ?? 0) + 1);
    const methods = new Set(outcomes.map((o) => o.method)).size;
    process.stderr.write(
      `  [fuzz] ${outcomes.length} malformed calls over ${methods} methods (${notSent} more refused by the client ` +
        `before sending): ${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ')}\n`,
    );
    expect(
      improper.map((o) => `${o.method}: ${grpc.status[o.code]} ${o.details.slice(0, 200)} <- ${o.request}`),
    ).toEqual([]);
    expect(byCode.get('UNIMPLEMENTED') ?? 0).toBe(0);
    expect(methods).toBeGreaterThan(40);
    for (const port of Object.values(services.ports))
      expect(await checkHealth(`127.0.0.1:${port}`)).toBe('SERVING');
  }, 600_000);
});
