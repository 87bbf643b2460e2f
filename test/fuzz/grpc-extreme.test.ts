/**
 * Every gRPC method of the four services, called by every role with requests that are well formed
 * but extreme: dates at and just past the edges of the plausible window, names of the longest
 * kind and with marks a Vietnamese name can carry (or text-direction overrides it must not),
 * area codes of the caller's own area and of another, ids of people, tubes, boxes and cases that
 * exist (a city's flow is run through the services first) and of ones that do not, the largest
 * numbers a field may carry, long lists; and client streams at and one past their cap. Each call
 * must end with a proper status in time (never UNKNOWN, INTERNAL, UNAVAILABLE or a hang), a
 * stream past the cap must be refused with RESOURCE_EXHAUSTED before any of it is taken, and
 * every service must still answer afterwards. Seeded: FUZZ_SEED repeats a run; the seed and the
 * count of calls are printed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import type * as protoLoader from '@grpc/proto-loader';
import { checkHealth, DEV_SIGNING_KEY, issueToken, loadProto, ROLES } from '@truyvet/grpc';
import { startAllServices, type AllServices } from '../../scripts/scenario/all-services';
import { runCityFlow, type CityFlowOutcome } from '../../scripts/scenario/city-flow';
import { cityHouseholds, seededRandom } from '../../scripts/scenario/city';
import { RequestBuilder, type ProtoField } from '../harness/proto-requests';
import { callRaw, NOT_SENT } from '../harness/raw-call';
import { callerIn, forEachMethod, PROTOS, type Area } from '../harness/served';
import { addDays, vietnamDay } from '@truyvet/rules';

const SEED = Number(process.env.FUZZ_SEED ?? 20211201);
/** Low, so that a stream past it is cheap to send; the default is 10,000. */
const MAX_STREAM_ITEMS = 300;

/** The values a field of each kind gets: the edges of what is valid, and just past them. */
const dayFromToday = (days: number): string => addDays(vietnamDay(new Date()), days);

function extremes(flow: CityFlowOutcome, areas: { own: Area; other: Area }) {
  const people = [...flow.personIds.values()];
  const nearlyAYear = dayFromToday(364);
  return {
    days: [
      '2019-12-01',
      '2019-11-30',
      dayFromToday(0),
      nearlyAYear,
      dayFromToday(400),
      '0001-01-01',
      '9999-12-31',
      '1900-01-01',
    ],
    times: [
      '2019-12-01T00:00:00+07:00',
      '2019-11-30T23:59:59+07:00',
      `${dayFromToday(0)}T23:59:59.999+07:00`,
      `${nearlyAYear}T00:00:00-12:00`,
      `${dayFromToday(400)}T00:00:00Z`,
      '0001-01-01T00:00:00Z',
      new Date().toISOString(),
    ],
    codes: [areas.own.ward, areas.own.district, areas.other.ward, areas.other.district, '92', '01', '00000'],
    ids: [
      ...people.slice(0, 6),
      ...flow.tubes.slice(0, 4).flatMap((t) => [t.sampleId, t.barcode]),
      ...flow.shipments.slice(0, 2),
      ...people.slice(0, 3).map((p) => `${p}/case1`),
      'p-nobody-0000',
      'x'.repeat(200),
    ],
    text: [
      'Nguyễn Thị Ngọc Huyền '.repeat(9).trim(),
      'Ỷ',
      'Trần\u200dVăn', // a zero-width joiner: shown as nothing, allowed
      'e\u0301'.repeat(120), // combining marks
      'Lê Văn \u202eTám', // a text-direction override: must be refused as a field violation
      '🦠'.repeat(60),
      ' Phạm  Văn  B ',
    ],
    ints: [0, 1, 2, 7, 10, 99, 1_000, 65_535, 2 ** 31 - 1],
    doubles: [0, 0.001, 12.5, 40, 45, 99.99, 1e9],
  };
}

class ExtremeRequests extends RequestBuilder {
  constructor(
    definition: protoLoader.PackageDefinition,
    private readonly next: () => number,
    private readonly values: ReturnType<typeof extremes>,
  ) {
    super(definition);
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)] as T;
  }

  protected scalar(field: ProtoField, name: string): unknown {
    const v = this.values;
    switch (field.type) {
      case 'TYPE_STRING':
        if (/(At|Time)$|^(from|to|since|until|at)$/.test(name)) return this.pick(v.times);
        if (/(On|Date|Day|Until|From|To)$|^(date|day)$/.test(name))
          return this.pick([...v.days, ...v.times.slice(0, 2)]);
        if (/Code$|^code$/.test(name)) return this.pick(v.codes);
        if (/(Id|Ids|Barcode|Barcodes)$|^(barcode|id)$/.test(name)) return this.pick(v.ids);
        return this.pick(v.text);
      case 'TYPE_BOOL':
        return this.next() < 0.5;
      case 'TYPE_DOUBLE':
      case 'TYPE_FLOAT':
        return this.pick(v.doubles);
      case 'TYPE_INT32':
      case 'TYPE_INT64':
      case 'TYPE_UINT32':
      case 'TYPE_SINT32':
        return this.pick(v.ints);
      default:
        return undefined;
    }
  }

  protected enumValue(names: readonly string[]): string | undefined {
    return this.pick(names);
  }

  protected listLength(): number {
    return this.pick([0, 1, 2, 3, 50]);
  }

  /** Nearly every field at an edge; now and then one left out. */
  protected leaveOut(): boolean {
    return this.next() < 0.1;
  }
}

const IMPROPER = new Set([
  grpc.status.UNKNOWN,
  grpc.status.INTERNAL,
  grpc.status.UNAVAILABLE,
  grpc.status.DEADLINE_EXCEEDED,
]);

describe('gRPC extreme but well-formed requests (every method, every role, a city in the store)', () => {
  let services: AllServices;
  let flow: CityFlowOutcome;
  let areas: { own: Area; other: Area };
  const definition = loadProto(...PROTOS);

  beforeAll(async () => {
    process.stderr.write(`  [fuzz] seed ${SEED} (FUZZ_SEED=${SEED} repeats this run)\n`);
    services = await startAllServices({
      mode: 'embedded',
      ports: { samples: 0, lab: 0, cases: 0, reports: 0 },
      logLevel: 'fatal',
      settings: { GRPC_MAX_STREAM_ITEMS: MAX_STREAM_ITEMS },
    });
    flow = await runCityFlow(services.ports, {
      households: [...cityHouseholds(SEED, 120)],
      pooledShare: 0.5,
      positivity: 0.2,
      seed: SEED,
      tag: `fz${SEED % 10_000}`,
      chunk: 100,
    });
    const placed = [...new Map(flow.tubes.map((t) => [t.wardCode, t])).values()];
    const own = placed[0];
    const other = placed.find((t) => t.districtCode !== own?.districtCode) ?? placed[1];
    if (!own || !other) throw new Error('the flow swabbed fewer than two wards');
    areas = {
      own: { ward: own.wardCode, district: own.districtCode },
      other: { ward: other.wardCode, district: other.districtCode },
    };
  }, 120_000);

  afterAll(async () => {
    await services.stop();
  });

  it('answers every role with a proper status, in time, and keeps serving', async () => {
    const next = seededRandom(SEED);
    const maker = new ExtremeRequests(definition, next, extremes(flow, areas));
    const wrong: string[] = [];
    const byCode = new Map<string, number>();
    let calls = 0;
    for (const role of ROLES) {
      const metadata = new grpc.Metadata();
      metadata.set(
        'authorization',
        `Bearer ${await issueToken(DEV_SIGNING_KEY, callerIn(role, areas.own, 'fuzz'))}`,
      );
      await forEachMethod(definition, services.ports, async ({ client, method, descriptor, scope }) => {
        for (let i = 0; i < 4; i++) {
          const request = maker.request(descriptor, scope);
          const rows = method.requestStream
            ? Array.from({ length: 1 + Math.floor(next() * 20) }, () => maker.request(descriptor, scope))
            : undefined;
          const answer = await callRaw(client, method, request, metadata, false, rows);
          if (answer.code === NOT_SENT) continue;
          calls++;
          byCode.set(grpc.status[answer.code], (byCode.get(grpc.status[answer.code]) ?? 0) + 1);
          if (IMPROPER.has(answer.code))
            wrong.push(
              `${method.path} as ${role}: ${grpc.status[answer.code]} ${answer.details.slice(0, 200)} <- ` +
                JSON.stringify(request).slice(0, 300),
            );
        }
      });
    }
    process.stderr.write(
      `  [fuzz] ${calls} extreme calls, ${ROLES.length} roles: ${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ')}\n`,
    );
    expect(wrong).toEqual([]);
    expect(byCode.get('OK') ?? 0).toBeGreaterThan(0);
    expect(calls).toBeGreaterThan(1_000);
    for (const port of Object.values(services.ports))
      expect(await checkHealth(`127.0.0.1:${port}`)).toBe('SERVING');
  }, 600_000);

  it('takes a client stream at its cap and refuses one past it before any of it is worked on', async () => {
    const next = seededRandom(SEED + 1);
    const maker = new ExtremeRequests(definition, next, extremes(flow, areas));
    const metadata = new grpc.Metadata();
    metadata.set(
      'authorization',
      `Bearer ${await issueToken(DEV_SIGNING_KEY, callerIn('admin', areas.own, 'fuzz'))}`,
    );
    const wrong: string[] = [];
    let streams = 0;
    await forEachMethod(definition, services.ports, async ({ client, method, descriptor, scope }) => {
      if (!method.requestStream || method.responseStream) return; // client streams only
      const rows = Array.from({ length: MAX_STREAM_ITEMS }, () => maker.request(descriptor, scope));
      // One past the cap first, so that its rows are new to the service when it refuses them.
      const past = await callRaw(client, method, {}, metadata, false, [...rows, rows[0]]);
      const atCap = await callRaw(client, method, {}, metadata, false, rows);
      streams += 2;
      if (IMPROPER.has(atCap.code) || atCap.code === grpc.status.RESOURCE_EXHAUSTED)
        wrong.push(`${method.path}, ${MAX_STREAM_ITEMS} rows: ${grpc.status[atCap.code]} ${atCap.details}`);
      if (past.code !== grpc.status.RESOURCE_EXHAUSTED || !/nothing of it was taken/.test(past.details))
        wrong.push(`${method.path}, ${MAX_STREAM_ITEMS + 1} rows: ${grpc.status[past.code]} ${past.details}`);
    });
    process.stderr.write(
      `  [fuzz] ${streams} long client streams (${MAX_STREAM_ITEMS} and ${MAX_STREAM_ITEMS + 1} rows)\n`,
    );
    expect(wrong).toEqual([]);
    expect(streams).toBeGreaterThanOrEqual(10);
  }, 600_000);
});
