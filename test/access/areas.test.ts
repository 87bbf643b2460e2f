/**
 * Every method of the four services, called by every role that may call it, about the people,
 * cases, tubes, boxes and tasks of one ward (area A): by a caller of that area, and by a caller of
 * another district (area B). The requests are generated from the protos, each field filled from
 * its name with a real thing of A (its person, its case, its tube, its ward and district) or a
 * plausible value. What must hold, for every call: an answer to a caller of B names no person who
 * lives in A (refused, withheld or not found, never shown); and where the access table says the
 * method checks the area of its subject or the area asked for, B's call is not answered at all. The calls made by A's own callers show
 * that the requests reach past their checks (the count of answers that named A's people is
 * printed and must not be zero). The console's routes call these methods with the user's own
 * token, so they are held by the same checks (test/console covers them route by route).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import type * as protoLoader from '@grpc/proto-loader';
import { DEV_SIGNING_KEY, issueToken, loadProto, peopleNamedIn, unaryCall, type Role } from '@truyvet/grpc';
import { startAllServices, type AllServices } from '../../scripts/scenario/all-services';
import { runCityFlow, type CityFlowOutcome } from '../../scripts/scenario/city-flow';
import { cityHouseholds } from '../../scripts/scenario/city';
import { clientsFor } from '../../scripts/scenario/clients';
import { eventually } from '../harness/eventually';
import { RequestBuilder, type ProtoField } from '../harness/proto-requests';
import { callRaw, NOT_SENT } from '../harness/raw-call';
import { callerIn, forEachMethod, PROTOS, type Area } from '../harness/served';
import { vietnamDay } from '@truyvet/rules';

const SEED = 20211202;

/** The things of one area that requests name. */
interface Subject extends Area {
  personId: string;
  otherPersonId: string;
  caseId: string;
  sampleId: string;
  barcode: string;
  shipmentId: string;
  taskId: string;
}

/** Fields whose words are one of a list: a value each takes (per method where the name means two things). */
const WORDS: Readonly<Record<string, string>> = {
  status: '',
  kind: '',
  severity: 'mild',
  contactType: 'household',
  condition: 'ok',
  method: 'rt_pcr',
  outcome: 'negative',
  sex: 'female',
  nationalId: '',
  fromAreaCode: '01',
  accepts: 'centralized_quarantine',
  report: 'daily',
  format: 'json',
  kitId: 'allplex-2019-ncov',
  specimenType: 'nasopharyngeal',
  occupation: 'other',
  birthDate: '1980-05-01',
};
const WORDS_OF_METHOD: Readonly<Record<string, Record<string, unknown>>> = {
  '/truyvet.cases.v1.Tracing/CompleteTask': { outcome: 'reached' },
  '/truyvet.samples.v1.SampleCollection/CollectSample': { reason: 'mass_testing' },
  '/truyvet.samples.v1.SampleCollection/CollectSamples': { reason: 'mass_testing' },
};
let tubes = 0;
/** Per method, from the subject (a contact other than the person; turnaround by district). */
const SUBJECT_OF_METHOD: Readonly<Record<string, (s: Subject) => Record<string, unknown>>> = {
  '/truyvet.cases.v1.Contacts/RecordContacts': (s) => ({
    contacts: [
      { personId: s.otherPersonId, contactType: 'household', lastExposureOn: vietnamDay(new Date()) },
    ],
  }),
  '/truyvet.reports.v1.Reports/GetTurnaround': (s) => ({ area: { level: 'district', code: s.district } }),
  '/truyvet.cases.v1.Contacts/ImportContacts': (s) => ({
    sourcePersonId: s.personId,
    contact: { personId: s.otherPersonId, contactType: 'household', lastExposureOn: vietnamDay(new Date()) },
  }),
  // A tube not used before, each time.
  '/truyvet.samples.v1.SampleCollection/CollectSamples': () => ({ barcode: `CT-AREAS-${String(++tubes)}` }),
};

/** Methods whose own-area calls cannot get past their checks here, and why (the rest must). */
const NOT_REACHED: Readonly<Record<string, string>> = {
  '/truyvet.cases.v1.Isolation/SetFacilityCapacity': 'no facility is registered in the flow',
  '/truyvet.samples.v1.Shipments/DispatchShipment': "the flow's tubes are all dispatched and resulted",
};

/** Requests about one subject: every field from its name, plausible and, where it can be, real. */
class SubjectRequests extends RequestBuilder {
  constructor(
    definition: protoLoader.PackageDefinition,
    private readonly subject: Subject,
  ) {
    super(definition);
  }

  protected scalar(field: ProtoField, name: string): unknown {
    const s = this.subject;
    switch (field.type) {
      case 'TYPE_STRING': {
        if (/^(personId|sourcePersonId|personA|chosenPersonId|survivorId)$/.test(name)) return s.personId;
        if (/^(personB|mergedId|contactPersonId)$/.test(name)) return s.otherPersonId;
        if (/^(personIds|memberIds)$/.test(name)) return s.personId;
        if (/^(caseId|clusterId)$/.test(name)) return s.caseId;
        if (/^sampleIds?$/.test(name)) return s.sampleId;
        if (/^barcodes?$/.test(name)) return s.barcode;
        if (/^shipmentId$/.test(name)) return s.shipmentId;
        if (/^taskId$/.test(name)) return s.taskId;
        if (/[wW]ardCode$/.test(name)) return s.ward;
        if (/[dD]istrictCode$/.test(name)) return s.district;
        if (name === 'code') return s.ward;
        if (name === 'level') return 'ward';
        if (name in WORDS) return WORDS[name];
        if (/(On|Onset|Date|Day)$|^(date|day|fromDay|toDay)$/.test(name)) return vietnamDay(new Date());
        if (/^(from|since)$|At$/.test(name)) return new Date(Date.now() - 2 * 3600_000).toISOString();
        if (/^(to|until)$/.test(name)) return new Date(Date.now() - 3600_000).toISOString();
        if (/[nN]ame$/.test(name)) return 'Nguyễn Văn An';
        if (/[pP]hone$/.test(name)) return '0912345678';
        return 'đã xác minh lại với người dân';
      }
      case 'TYPE_BOOL':
        return false;
      case 'TYPE_DOUBLE':
      case 'TYPE_FLOAT':
        return 30;
      default:
        return name === 'birthYear' ? 1980 : name === 'limit' ? 10 : 1;
    }
  }

  protected enumValue(names: readonly string[]): string | undefined {
    return names.find((n) => !/UNSPECIFIED$/.test(n)) ?? names[0];
  }

  protected listLength(): number {
    return 1;
  }

  protected leaveOut(): boolean {
    return false;
  }
}

/** Roles whose callers have an area of their own; the others are the city's. */
const AREA_ROLES: readonly Role[] = ['ward_team', 'district_center'];

describe('what each area sees of another (every method, every role that may call it)', () => {
  let services: AllServices;
  let flow: CityFlowOutcome;
  let subject: Subject;
  let other: Area;
  /** Another ward of A's district (for a ward team), when the flow swabbed one. */
  let neighbour: Area | undefined;
  /** Who lives in A's ward, and in A's district. */
  let inWard: Set<string>;
  let inDistrict: Set<string>;
  const definition = loadProto(...PROTOS);

  beforeAll(async () => {
    services = await startAllServices({
      mode: 'embedded',
      ports: { samples: 0, lab: 0, cases: 0, reports: 0 },
      logLevel: 'fatal',
    });
    const households = [...cityHouseholds(SEED, 240)];
    flow = await runCityFlow(services.ports, {
      households,
      pooledShare: 0.3,
      positivity: 0.3,
      seed: SEED,
      tag: `ar${SEED % 1000}`,
      chunk: 100,
    });
    const home = new Map<string, Area>();
    for (const h of households)
      for (const m of h.members) {
        const id = flow.personIds.get(m.index);
        if (id) home.set(id, { ward: h.wardCode, district: h.districtCode });
      }
    // A: the ward with the most confirmed cases; B: a ward of another district.
    const f0s = flow.tubes.filter((t) => t.positive && !t.pooled);
    const byWard = new Map<string, typeof f0s>();
    for (const t of f0s) byWard.set(t.wardCode, [...(byWard.get(t.wardCode) ?? []), t]);
    const [wardA, tubesA] = [...byWard].sort((x, y) => y[1].length - x[1].length)[0] ?? [];
    const tube = tubesA?.[0];
    if (!wardA || !tube) throw new Error('the flow confirmed no case');
    const elsewhere = flow.tubes.find((t) => t.districtCode !== tube.districtCode);
    if (!elsewhere) throw new Error('the flow swabbed one district only');
    other = { ward: elsewhere.wardCode, district: elsewhere.districtCode };
    const nextDoor = flow.tubes.find((t) => t.districtCode === tube.districtCode && t.wardCode !== wardA);
    neighbour = nextDoor ? { ward: nextDoor.wardCode, district: nextDoor.districtCode } : undefined;
    inWard = new Set([...home].filter(([, a]) => a.ward === wardA).map(([id]) => id));
    inDistrict = new Set([...home].filter(([, a]) => a.district === tube.districtCode).map(([id]) => id));

    const city = await clientsFor(callerIn('admin', other, 'areas'), services.ports);
    const personId = tube.personIds[0] ?? '';
    const caseOf = await eventually('the case of A', async () => {
      const { cases } = await unaryCall(city.cases, 'ListCases', { wardCode: wardA });
      return cases.find((c) => c.personId === personId);
    });
    const task = await eventually('a task of A', async () => {
      const { tasks } = await unaryCall(city.tracing, 'ListTasks', { wardCode: wardA });
      return tasks[0];
    });
    const household = [...inWard].find((id) => id !== personId) ?? personId;
    subject = {
      ward: wardA,
      district: tube.districtCode,
      personId,
      otherPersonId: household,
      caseId: caseOf.caseId,
      sampleId: tube.sampleId,
      barcode: tube.barcode,
      shipmentId: flow.shipments[0] ?? '',
      taskId: task.taskId,
    };
  }, 120_000);

  afterAll(async () => {
    await services.stop();
  });

  it("never shows a caller of another area a person who lives in this one; this area's callers get past the checks", async () => {
    const maker = new SubjectRequests(definition, subject);
    const leaks: string[] = [];
    const counts = { calls: 0, methods: new Set<string>(), otherRefused: 0, otherEmpty: 0, ownNamed: 0 };
    /** Methods an own-area caller got past the checks of (answered, or refused for the case's state). */
    const reached = new Set<string>();
    const checked = new Set<string>();
    const areaA: Area = subject;
    // Another area's calls first: they must change nothing of A's, so A's calls after them see it whole.
    const callers: Array<readonly ['other' | 'neighbour' | 'own', Area]> = [
      ['other', other],
      ...(neighbour ? [['neighbour', neighbour] as const] : []),
      ['own', areaA],
    ];
    for (const [whose, area] of callers) {
      await forEachMethod(
        definition,
        services.ports,
        async ({ client, method, descriptor, scope, access }) => {
          // Another district: every role with an area; the next ward: its ward team (the district's
          // center sees both wards); this area: every role that may call.
          const roles = (access[method.path]?.roles ?? []).filter((r) =>
            whose === 'own' ? true : whose === 'other' ? AREA_ROLES.includes(r) : r === 'ward_team',
          );
          for (const role of roles) {
            const caller = callerIn(role, area, 'areas');
            const metadata = new grpc.Metadata();
            metadata.set('authorization', `Bearer ${await issueToken(DEV_SIGNING_KEY, caller)}`);
            const request = {
              ...maker.request(descriptor, scope),
              ...WORDS_OF_METHOD[method.path],
              ...SUBJECT_OF_METHOD[method.path]?.(subject),
            };
            const answer = await callRaw(client, method, request, metadata, false, [request]);
            if (answer.code === NOT_SENT) continue;
            counts.calls++;
            counts.methods.add(method.path);
            const named = answer.answers.flatMap((a) => peopleNamedIn(a));
            // Rows an import took (its counts): none of another area's about A's people or places.
            const taken = answer.answers.reduce<number>((n, a) => {
              const tally = a as { accepted?: number; registered?: number; existing?: number };
              return n + (tally.accepted ?? 0) + (tally.registered ?? 0) + (tally.existing ?? 0);
            }, 0);
            const theirs = role === 'ward_team' ? inWard : inDistrict;
            if (whose !== 'own') {
              const shown = named.filter((id) => theirs.has(id));
              // What the table says the method checks: a subject or an area asked for of A is
              // never answered to another area (refused, not found, or the request is wrong).
              const checks = access[method.path]?.area;
              if ((checks === 'subject' || checks === 'asked') && answer.code === grpc.status.OK)
                leaks.push(`${method.path} as ${role} of ${caller.jurisdiction.code}: answered (${checks})`);
              if (checks === 'rows' && taken > 0)
                leaks.push(`${method.path} as ${role} of ${caller.jurisdiction.code}: took ${taken} rows`);
              if (shown.length > 0)
                leaks.push(
                  `${method.path} as ${role} of ${caller.jurisdiction.code}: showed ${shown.join(', ')}`,
                );
              if (answer.code === grpc.status.PERMISSION_DENIED) counts.otherRefused++;
              else counts.otherEmpty++;
            } else {
              if (named.some((id) => inWard.has(id))) counts.ownNamed++;
              const checks = access[method.path]?.area;
              if (checks === 'subject' || checks === 'asked' || checks === 'rows') checked.add(method.path);
              const stopped = [
                grpc.status.INVALID_ARGUMENT,
                grpc.status.PERMISSION_DENIED,
                grpc.status.NOT_FOUND,
                grpc.status.UNAUTHENTICATED,
              ];
              if (!stopped.includes(answer.code) && (checks !== 'rows' || taken > 0))
                reached.add(method.path);
              else if (process.env.AREAS_DEBUG)
                process.stderr.write(
                  `OWN ${method.path} ${role} ${grpc.status[answer.code]} ${answer.details.slice(0, 200)}\n`,
                );
            }
          }
        },
      );
    }
    process.stderr.write(
      `  [areas] ${counts.calls} calls over ${counts.methods.size} methods (each role that may call it, ` +
        `own area, another district${neighbour ? ' and the next ward' : ''}): another area refused ${counts.otherRefused}, answered without ` +
        `this area's people ${counts.otherEmpty}; this area's own answers naming its people ${counts.ownNamed}; ` +
        `subject, asked and rows methods its own callers got past the checks of ${[...checked].filter((m) => reached.has(m)).length} of ${checked.size}\n`,
    );
    expect(leaks).toEqual([]);
    // The property above means something only where this area's own callers got past the checks.
    const unreached = [...checked].filter((m) => !reached.has(m) && !(m in NOT_REACHED));
    expect(unreached).toEqual([]);
    expect(counts.methods.size).toBeGreaterThan(40);
    expect(counts.ownNamed).toBeGreaterThan(10);
  }, 300_000);
});
