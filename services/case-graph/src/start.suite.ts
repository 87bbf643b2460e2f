/**
 * case-graph through its real gRPC API, as ward teams, a district center and the city use it,
 * with the registry's persons and the lab's results published on the bus as those services would:
 * one suite, run embedded and on real Kafka + FerretDB.
 */
import { afterAll, beforeAll, describe, expect, it as jestIt } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import {
  deadLetterTopic,
  eventHandler,
  eventMessage,
  headers,
  type Bus,
  type ReceivedMessage,
} from '@truyvet/bus';
import {
  allEventDefinitions,
  ContactIdentificationAmbiguousV1,
  createEvent,
  EventRegistry,
  PersonIdentifiedV1,
  PersonRegisteredV1,
  PersonTestResultAmendedV1,
  PersonTestResultedV1,
  topics,
  type Envelope,
  type EventDefinition,
} from '@truyvet/events';
import {
  createClient,
  DEV_SIGNING_KEY,
  issueToken,
  loadGrpcObject,
  readErrorCode,
  readFieldViolations,
  unaryCall,
  writeClientStream,
  type Caller,
} from '@truyvet/grpc';
import type {
  CasesClient,
  CasesProto,
  ContactsClient,
  IsolationClient,
  RulesClient,
  TracingClient,
} from '@truyvet/grpc/cases';
import { addDays, daysBetween, vietnamDay } from '@truyvet/rules';
import type { Config } from './config';
import { personReadsProto } from '@truyvet/service';
import { eventually as waitFor } from '../../../test/harness';
import { importContactsCsv } from './cli/contacts-csv';
import { start, type Running } from './start';

const proto = loadGrpcObject<CasesProto>('truyvet/cases/v1/cases.proto').truyvet.cases.v1;

// Bình Thuỷ (918), a district no other suite traces in: Phường Bình Thủy and Phường Trà An.
const DISTRICT = '918';
const WARD = '31168';
const OTHER_WARD = '31169';
const WARD_TEAM: Caller = {
  sub: 'to-covid-binh-thuy',
  role: 'ward_team',
  jurisdiction: { level: 'ward', code: WARD },
};
const WARD_TEAM_2: Caller = {
  sub: 'to-covid-binh-thuy-2',
  role: 'ward_team',
  jurisdiction: { level: 'ward', code: WARD },
};
const OTHER_TEAM: Caller = {
  sub: 'to-covid-tra-an',
  role: 'ward_team',
  jurisdiction: { level: 'ward', code: OTHER_WARD },
};
const DISTRICT_CENTER: Caller = {
  sub: 'ttyt-binh-thuy',
  role: 'district_center',
  jurisdiction: { level: 'district', code: DISTRICT },
};
/** Ninh Kiều, another district of the city, and one of its wards. */
const FAR_DISTRICT = '916';
const FAR_WARD = '31117';
const FAR_DISTRICT_CENTER: Caller = {
  sub: 'ttyt-ninh-kieu',
  role: 'district_center',
  jurisdiction: { level: 'district', code: FAR_DISTRICT },
};
const CITY: Caller = { sub: 'bcd-can-tho', role: 'city', jurisdiction: { level: 'city', code: '92' } };
const LAB: Caller = { sub: 'cdc-lab', role: 'lab', jurisdiction: { level: 'city', code: '92' } };
/** A city-level token of another city (Hà Nội, 01): valid signature, wrong deployment. */
const FOREIGN_CITY: Caller = { sub: 'bcd-ha-noi', role: 'city', jurisdiction: { level: 'city', code: '01' } };

interface Clients {
  cases: CasesClient;
  contacts: ContactsClient;
  isolation: IsolationClient;
  tracing: TracingClient;
  rules: RulesClient;
}

export function describeCaseGraphComponent(
  name: string,
  setup: () => Promise<{
    config: Config;
    bus: Bus;
    uniquePrefix: string;
    /** Called once the service runs: e.g. wait until it has read what earlier suites left on the topics. */
    ready?: () => Promise<void>;
    cleanup?: () => Promise<void>;
  }>,
  timeoutMs = 30_000,
): void {
  describe(`case-graph (${name})`, () => {
    // Each step may wait `timeoutMs` for the cascade (on a shared CI broker, behind other suites' events).
    const it = (title: string, fn: () => Promise<void>): void => {
      jestIt(title, fn, timeoutMs * 2);
    };
    let running: Running;
    let bus: Bus;
    let prefix: string;
    let cleanup: (() => Promise<void>) | undefined;
    let stopWatching: () => Promise<void>;
    const clients = new Map<string, Clients>();
    const seen: Envelope[] = [];
    /** The service's clock runs this far ahead (the release test moves it past a quarantine). */
    const clock = { offsetMs: 0 };
    const published: Array<{ topic: string; event: Envelope }> = [];

    const as = (caller: Caller): Clients => {
      const found = clients.get(caller.sub);
      if (!found) throw new Error(`no clients for ${caller.sub}`);
      return found;
    };

    beforeAll(async () => {
      const env = await setup();
      ({ bus, cleanup } = env);
      prefix = env.uniquePrefix;
      running = await start(
        { ...env.config, GRPC_HOST: '127.0.0.1', GRPC_PORT: 0, RELEASE_SWEEP_MS: 0 },
        { bus, now: () => new Date(Date.now() + clock.offsetMs) },
      );
      await env.ready?.();
      const address = `127.0.0.1:${running.grpcPort}`;
      for (const caller of [
        WARD_TEAM,
        WARD_TEAM_2,
        OTHER_TEAM,
        DISTRICT_CENTER,
        FAR_DISTRICT_CENTER,
        CITY,
        LAB,
        FOREIGN_CITY,
      ]) {
        const token = await issueToken(DEV_SIGNING_KEY, caller);
        clients.set(caller.sub, {
          cases: createClient(proto.Cases, address, { token }),
          contacts: createClient(proto.Contacts, address, { token }),
          isolation: createClient(proto.Isolation, address, { token }),
          tracing: createClient(proto.Tracing, address, { token }),
          rules: createClient(proto.Rules, address, { token }),
        });
      }
      const record = (event: Envelope): Promise<void> => {
        if (JSON.stringify(event.data).includes(prefix)) seen.push(event);
        return Promise.resolve();
      };
      const watched = allEventDefinitions.filter((d: EventDefinition) =>
        [topics.cases.topic, topics.isolation.topic, topics.testOrders.topic].includes(d.topic),
      );
      const subscription = await bus.subscribe({
        groupId: `${prefix}-watcher`,
        topics: [topics.cases.topic, topics.isolation.topic, topics.testOrders.topic],
        handler: eventHandler(
          new EventRegistry(watched),
          Object.fromEntries(watched.map((d) => [d.type, record])) as never,
        ),
      });
      stopWatching = () => subscription.stop();
    }, 660_000);

    afterAll(async () => {
      for (const c of clients.values())
        for (const client of Object.values(c) as Array<{ close(): void }>) client.close();
      await stopWatching();
      await running.stop();
      await cleanup?.();
    });

    const today = (): string => vietnamDay(new Date());
    const person = (name: string): string => `p-${prefix}-${name}`;

    const eventually = <T>(what: string, check: () => T | undefined | Promise<T | undefined>): Promise<T> =>
      waitFor(what, check, timeoutMs);

    const events = (
      type: string,
      match: (data: Record<string, unknown>) => boolean = () => true,
    ): Envelope[] => seen.filter((e) => e.type === type && match(e.data as Record<string, unknown>));

    async function publish(topic: string, event: Envelope): Promise<void> {
      published.push({ topic, event });
      await bus.publish([eventMessage({ topic, event })]);
    }

    async function registered(
      name: string,
      household: string,
      extra: { birthYear?: number; ward?: string; district?: string } = {},
    ): Promise<void> {
      await publish(
        topics.persons.topic,
        createEvent(PersonRegisteredV1, {
          personId: person(name),
          details: {
            fullName: `Nguyễn Văn ${name.toUpperCase()}`,
            birthYear: extra.birthYear ?? 1988,
            address: { districtCode: extra.district ?? DISTRICT, wardCode: extra.ward ?? WARD },
            householdId: `hh-${prefix}-${household}`,
            vaccinations: [],
            comorbidities: [],
          },
          registeredBy: 'ttyt-binh-thuy',
        }),
      );
    }

    /**
     * Waits until case-graph has filed these registrations: a check-in at a venue of their own is
     * recorded only for a person it knows (the rows are idempotent, so trying again is harmless).
     */
    async function filed(...names: string[]): Promise<void> {
      const day = addDays(today(), -3);
      await eventually(`${names.join(', ')} filed`, async () => {
        const probe = await writeClientStream(as(CITY).contacts, 'ImportVenueCheckIns', [
          ...names.map((name) => ({
            venueId: `probe-${prefix}`,
            personId: person(name),
            from: `${day}T06:00:00+07:00`,
            to: `${day}T06:05:00+07:00`,
          })),
        ]);
        return probe.accepted === names.length ? true : undefined;
      });
    }

    async function resulted(
      name: string,
      resultId: string,
      outcome: 'positive' | 'negative',
      collectedOn = today(),
    ): Promise<Envelope> {
      const event = createEvent(PersonTestResultedV1, {
        resultId: `${prefix}-${resultId}`,
        sampleId: `s-${prefix}-${resultId}`,
        barcode: `CT${prefix}-${resultId}`.toUpperCase(),
        method: 'rt_pcr',
        outcome,
        ...(outcome === 'positive' ? { ctValues: { E: 21, N: 23 } } : {}),
        kitId: 'allplex-2019-ncov',
        ruleSetId: 'can-tho-2021-provisional',
        labId: 'lab-92',
        recordedBy: 'ktv-cdc',
        collectedAt: `${collectedOn}T07:00:00+07:00`,
        resultedAt: new Date(Date.now() - 60_000).toISOString(),
        samplingReason: 'mass_testing',
        siteDistrictCode: DISTRICT,
        siteWardCode: WARD,
        personId: person(name),
        pooled: false,
      });
      await publish(topics.labResults.topic, event);
      return event;
    }

    const getPerson = (name: string, caller: Caller = CITY) =>
      unaryCall(as(caller).cases, 'GetPerson', { personId: person(name) });

    const becomes = (name: string, classification: string) =>
      eventually(`${name} to be ${classification || 'unclassified'}`, async () => {
        const record = await getPerson(name);
        return record.classification === classification ? record : undefined;
      });

    let resultA: Envelope;
    let caseA: string;

    it('makes a positive result an F0 whose household is in quarantine with test orders', async () => {
      for (const n of ['a', 'b', 'c']) await registered(n, 'home');
      await registered('d', 'work');
      await registered('e', 'other');
      const sent = Date.now();
      resultA = await resulted('a', 'r1', 'positive', addDays(today(), -1));
      const f0 = await becomes('a', 'F0');
      caseA = f0.cases[0]?.caseId ?? '';
      expect(f0.cases[0]).toMatchObject({
        status: 'active',
        foundIn: 'community',
        infectiousFrom: addDays(today(), -3),
      });
      expect(f0.orders[0]).toMatchObject({ kind: 'treatment', status: 'active' });
      for (const n of ['b', 'c']) {
        const f1 = await becomes(n, 'F1');
        expect(f1.orders[0]).toMatchObject({
          kind: 'centralized_quarantine',
          reason: 'contact',
          endsOn: addDays(today(), 14),
        });
        expect(f1.orders[0]?.tests.map((t) => t.day)).toEqual([1, 7, 14]);
        expect(f1.exposures[0]).toMatchObject({
          sourcePersonId: person('a'),
          contactType: 'household',
          sourceLevel: 0,
        });
      }
      const orders = await eventually('test orders for the household on the bus', () => {
        const found = events('TestOrdered', (d) => d.personId === person('b') || d.personId === person('c'));
        return found.length === 6 ? found : undefined;
      });
      const tookMs = Math.max(...orders.map((o) => Date.parse(o.occurredAt))) - sent;
      process.stderr.write(
        `  [case-graph ${name}] positive result -> household test orders published: ${tookMs} ms\n`,
      );
      expect(orders.every((o) => o.causationId !== null)).toBe(true);
      // On another topic than the test orders: the suite's consumer may read it a moment later.
      const confirmed = await eventually('the case on the bus', () => {
        const found = events('CaseConfirmed', (d) => d.personId === person('a'));
        return found.length > 0 ? found : undefined;
      });
      expect(confirmed).toHaveLength(1);
    });

    it('queues an interview for the F0 and a call for each F1 in their ward', async () => {
      const list = await eventually('the tasks', async () => {
        const answer = await unaryCall(as(WARD_TEAM).tracing, 'ListTasks', {});
        const mine = answer.tasks.filter((t) => t.taskId.includes(prefix));
        return mine.length >= 3 ? mine : undefined;
      });
      expect(list.map((t) => t.kind).sort()).toEqual(['call_contact', 'call_contact', 'interview_case']);
      expect(list.every((t) => t.wardCode === WARD && t.status === 'open')).toBe(true);
      const call = list.find((t) => t.personId === person('b') && t.kind === 'call_contact');
      if (!call) throw new Error('no call task for b');
      const claimed = await unaryCall(as(WARD_TEAM).tracing, 'ClaimTask', { taskId: call.taskId });
      expect(claimed).toMatchObject({ status: 'claimed', claimedBy: WARD_TEAM.sub });
      await expect(
        unaryCall(as(WARD_TEAM_2).tracing, 'ClaimTask', { taskId: call.taskId }),
      ).rejects.toMatchObject({
        code: status.FAILED_PRECONDITION,
      });
      const done = await unaryCall(as(WARD_TEAM).tracing, 'CompleteTask', {
        taskId: call.taskId,
        outcome: 'reached',
        note: 'đã gọi, đồng ý cách ly',
      });
      expect(done).toMatchObject({ status: 'done', outcome: 'reached' });
      // Moved away: the task goes to the ward they moved to.
      const other = list.find((t) => t.personId === person('c') && t.kind === 'call_contact');
      if (!other) throw new Error('no call task for c');
      await unaryCall(as(WARD_TEAM).tracing, 'ClaimTask', { taskId: other.taskId });
      const moved = await unaryCall(as(WARD_TEAM).tracing, 'CompleteTask', {
        taskId: other.taskId,
        outcome: 'moved',
        movedToWardCode: OTHER_WARD,
      });
      expect(moved).toMatchObject({ status: 'open', wardCode: OTHER_WARD });
      const there = await unaryCall(as(OTHER_TEAM).tracing, 'ListTasks', {});
      expect(there.tasks.map((t) => t.taskId)).toContain(other.taskId);
      // A hotline tip lands in the ward's queue too.
      const tip = await unaryCall(as(WARD_TEAM).tracing, 'ReportTip', {
        districtCode: DISTRICT,
        wardCode: WARD,
        description: `${prefix}: người từ TP.HCM về, không khai báo`,
        place: 'hẻm 12',
      });
      expect(tip).toMatchObject({ kind: 'hotline_tip', status: 'open', overdue: false });
    });

    it('records contacts the tracers name, refusing bad ones with the fields that are wrong', async () => {
      const contacts = as(WARD_TEAM).contacts;
      let refused: unknown;
      try {
        await unaryCall(contacts, 'RecordContacts', {
          personId: person('a'),
          contacts: [
            { personId: person('a'), contactType: 'household', lastExposureOn: today() },
            { personId: person('d'), contactType: 'workplace', lastExposureOn: addDays(today(), 2) },
            { personId: person('d'), contactType: 'spaceship', lastExposureOn: today() },
          ],
        });
      } catch (error) {
        refused = error;
      }
      expect(refused).toMatchObject({ code: status.INVALID_ARGUMENT });
      const fields = readFieldViolations(refused as never).map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['contacts.2.contactType']));
      // The type is checked first; with types fixed, the person and the date are refused.
      try {
        await unaryCall(contacts, 'RecordContacts', {
          personId: person('a'),
          contacts: [
            { personId: person('a'), contactType: 'household', lastExposureOn: today() },
            { personId: person('d'), contactType: 'workplace', lastExposureOn: addDays(today(), 2) },
          ],
        });
      } catch (error) {
        refused = error;
      }
      expect(readFieldViolations(refused as never).map((f) => f.field)).toEqual([
        'contacts.0.contactPersonId',
        'contacts.1.lastExposureOn',
      ]);
      await expect(
        unaryCall(contacts, 'RecordContacts', {
          personId: person('d'),
          contacts: [{ personId: person('e'), contactType: 'workplace', lastExposureOn: today() }],
        }),
      ).rejects.toMatchObject({ code: status.NOT_FOUND });
      const ok = await unaryCall(contacts, 'RecordContacts', {
        personId: person('a'),
        contacts: [{ personId: person('d'), contactType: 'workplace', lastExposureOn: addDays(today(), -1) }],
      });
      expect(ok.outcomes[0]).toMatchObject({ status: 'recorded' });
      await becomes('d', 'F1');
      // An F1's own contacts are F2: self-monitoring, no tests.
      await unaryCall(contacts, 'RecordContacts', {
        personId: person('b'),
        contacts: [{ personId: person('e'), contactType: 'same_room', lastExposureOn: today() }],
      });
      const f2 = await becomes('e', 'F2');
      expect(f2.path).toEqual([person('a'), person('b'), person('e')]);
      expect(f2.orders[0]).toMatchObject({ kind: 'self_monitoring', tests: [] });
      // An F2's contacts are not traced (depth 2).
      await expect(
        unaryCall(as(CITY).contacts, 'RecordContacts', {
          personId: person('e'),
          contacts: [{ personId: person('d'), contactType: 'workplace', lastExposureOn: today() }],
        }),
      ).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
      // Bulk: one answer per row.
      const imported = await writeClientStream(contacts, 'ImportContacts', [
        {
          sourcePersonId: person('a'),
          contact: { personId: person('e'), contactType: 'venue', lastExposureOn: addDays(today(), -2) },
        },
        {
          sourcePersonId: person('a'),
          contact: { personId: person('e'), contactType: 'venue', lastExposureOn: '2000-01-01' },
        },
        {
          sourcePersonId: person('nobody'),
          contact: { personId: person('e'), contactType: 'venue', lastExposureOn: today() },
        },
      ]);
      // The rows as answered, so a failure says why (a whole source's rows share one error).
      expect({ accepted: imported.accepted, results: imported.results }).toMatchObject({
        accepted: 1,
        results: [{ status: 'recorded' }, { status: 'rejected' }, { status: 'rejected' }],
      });
      expect(imported).toMatchObject({ accepted: 1, rejected: 2 });
      expect(imported.results.map((r) => r.status)).toEqual(['recorded', 'rejected', 'rejected']);
      expect(imported.results[1]?.rejected?.fieldViolations[0]?.field).toBe('contact.lastExposureOn');
      // e is now a contact of the F0 itself: an F1.
      await becomes('e', 'F1');
      // The same through a CSV file, as the command line imports it.
      const csv = await importContactsCsv(
        contacts,
        [
          'source_person_id,contact_person_id,contact_type,last_exposure_on',
          `${person('a')},${person('d')},workplace,${addDays(today(), -1)}`,
          `${person('a')},${person('e')},venue,${addDays(today(), 5)}`,
        ].join('\n'),
      );
      expect(csv).toMatchObject({ rows: 2, unchanged: 1, rejected: 1 });
      expect(csv.problems).toEqual([
        {
          line: 3,
          field: 'contact.lastExposureOn',
          problem: expect.stringMatching(/future/) as unknown as string,
        },
      ]);
    });

    it('shows a ward team only its own ward', async () => {
      await expect(getPerson('a', OTHER_TEAM)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
      expect((await getPerson('a', WARD_TEAM)).classification).toBe('F0');
      await expect(unaryCall(as(OTHER_TEAM).tracing, 'ListTasks', { wardCode: WARD })).rejects.toMatchObject({
        code: status.PERMISSION_DENIED,
      });
    });

    it('places quarantined contacts in facilities, never beyond capacity, with a visible waiting list', async () => {
      const waiting = await eventually('the F1 waiting for a bed', async () => {
        const list = await unaryCall(as(DISTRICT_CENTER).isolation, 'ListWaiting', {});
        const mine = list.orders.filter((o) => o.personId.includes(prefix));
        return mine.length === 4 ? mine : undefined;
      });
      expect(waiting.map((w) => w.need)).toEqual([
        'centralized_quarantine',
        'centralized_quarantine',
        'centralized_quarantine',
        'centralized_quarantine',
      ]);
      // A neighbouring district's facility does not take this district's people; the city's
      // beds open to every district are registered only by the city.
      const neighbour = await unaryCall(as(CITY).isolation, 'RegisterFacility', {
        facilityId: `ktx-916-${prefix}`,
        name: `Ký túc xá Ninh Kiều ${prefix}`,
        districtCode: '916',
        accepts: ['centralized_quarantine'],
        capacity: 5,
      });
      expect(neighbour).toMatchObject({ capacity: 5, free: 5, servesWholeCity: false });
      const stillWaiting = (await unaryCall(as(DISTRICT_CENTER).isolation, 'ListWaiting', {})).orders;
      expect(stillWaiting.filter((o) => o.personId.includes(prefix))).toHaveLength(4);
      await expect(
        unaryCall(as(DISTRICT_CENTER).isolation, 'RegisterFacility', {
          facilityId: `city-${prefix}`,
          name: `Bệnh viện dã chiến ${prefix}`,
          districtCode: DISTRICT,
          accepts: ['centralized_quarantine'],
          capacity: 5,
          servesWholeCity: true,
        }),
      ).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
      const facility = await unaryCall(as(DISTRICT_CENTER).isolation, 'RegisterFacility', {
        facilityId: `ktx-${prefix}`,
        name: `Ký túc xá ${prefix}`,
        districtCode: DISTRICT,
        accepts: ['centralized_quarantine'],
        capacity: 3,
      });
      expect(facility).toMatchObject({ capacity: 3, free: 3 });
      const full = await eventually('three placed and one still waiting', async () => {
        const list = (
          await unaryCall(as(DISTRICT_CENTER).isolation, 'ListFacilities', { districtCode: DISTRICT })
        ).facilities;
        const f = list.find((x) => x.facilityId === `ktx-${prefix}`);
        const still = (await unaryCall(as(DISTRICT_CENTER).isolation, 'ListWaiting', {})).orders.filter((o) =>
          o.personId.includes(prefix),
        );
        return f?.occupied === 3 && still.length === 1 ? f : undefined;
      });
      expect(full.free).toBe(0);
      await expect(
        unaryCall(as(DISTRICT_CENTER).isolation, 'SetFacilityCapacity', {
          facilityId: `ktx-${prefix}`,
          capacity: 2,
        }),
      ).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
      await unaryCall(as(DISTRICT_CENTER).isolation, 'SetFacilityCapacity', {
        facilityId: `ktx-${prefix}`,
        capacity: 10,
      });
      await eventually('every F1 placed', async () => {
        const names = await Promise.all(
          ['b', 'c', 'd', 'e'].map(async (n) => (await getPerson(n)).orders.at(-1)?.facilityName),
        );
        return names.every((f) => f === `Ký túc xá ${prefix}`) ? names : undefined;
      });
      await expect(
        unaryCall(as(DISTRICT_CENTER).isolation, 'SetFacilityCapacity', {
          facilityId: `nowhere-${prefix}`,
          capacity: 5,
        }),
      ).rejects.toMatchObject({ code: status.NOT_FOUND });
      const isolated = await unaryCall(as(WARD_TEAM).isolation, 'ListInIsolation', {});
      const mine = isolated.people.filter((p) => p.personId.includes(prefix));
      expect(mine.map((p) => p.order?.kind).sort()).toEqual([
        'centralized_quarantine',
        'centralized_quarantine',
        'centralized_quarantine',
        'centralized_quarantine',
        'treatment',
      ]);
      expect(mine.find((p) => p.personId === person('b'))?.nextTestOn).toBe(addDays(today(), 1));
    });

    it("upgrades an F1 whose follow-up is positive to an F0, and cascades to the F1's contacts", async () => {
      await unaryCall(as(WARD_TEAM).contacts, 'RecordContacts', {
        personId: person('b'),
        contacts: [{ personId: person('f'), contactType: 'workplace', lastExposureOn: today() }],
      });
      await registered('f', 'far', { ward: OTHER_WARD });
      await becomes('f', 'F2');
      await resulted('b', 'r2', 'positive');
      const f0 = await becomes('b', 'F0');
      expect(f0.cases[0]).toMatchObject({
        foundIn: 'quarantine',
        likelySourcePersonId: person('a'),
        clusterId: caseA,
      });
      const ended = f0.orders.find((o) => o.kind === 'centralized_quarantine');
      expect(ended).toMatchObject({ status: 'ended', endReason: 'superseded' });
      expect(ended?.tests.map((t) => t.status)).toEqual(['done', 'cancelled', 'cancelled']);
      const f1 = await becomes('f', 'F1');
      expect(f1.path).toEqual([person('b'), person('f')]);
      const chain = await unaryCall(as(CITY).cases, 'GetChain', { personId: person('b') });
      expect(chain.ancestors.map((l) => l.personId)).toEqual([person('a')]);
      const fromA = await unaryCall(as(CITY).cases, 'GetChain', { personId: person('a') });
      expect(fromA.descendants.map((l) => [l.personId, l.infectedBy])).toEqual([[person('b'), person('a')]]);
      expect(fromA.contacts.map((c) => c.personId).sort()).toEqual(['b', 'c', 'd', 'e'].map(person).sort());
      const cluster = await unaryCall(as(CITY).cases, 'GetCluster', { clusterId: caseA });
      expect(cluster.cases.map((c) => c.personId).sort()).toEqual([person('a'), person('b')].sort());
      const deep = await unaryCall(as(CITY).cases, 'GetContacts', { personId: person('a'), depth: 2 });
      expect(deep.contacts.find((c) => c.personId === person('f'))).toMatchObject({
        distance: 2,
        viaPersonId: person('b'),
        level: 1,
      });
    });

    it('quarantines an arrival from an area listed as an epidemic area on the arrival day', async () => {
      await registered('r', 'arrival');
      const arrivedOn = addDays(today(), -1);
      const record = await eventually('the arrival registered', () =>
        unaryCall(as(WARD_TEAM).contacts, 'RegisterArrival', {
          personId: person('r'),
          fromAreaCode: '79',
          arrivedOn,
        }),
      );
      // Known now: another ward's team may not.
      await expect(
        unaryCall(as(OTHER_TEAM).contacts, 'RegisterArrival', {
          personId: person('r'),
          fromAreaCode: '79',
          arrivedOn,
        }),
      ).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
      expect(record.arrivals[0]).toMatchObject({ fromAreaName: 'TP. Hồ Chí Minh', epidemicArea: true });
      expect(record.orders[0]).toMatchObject({
        kind: 'centralized_quarantine',
        reason: 'arrival',
        endsOn: addDays(arrivedOn, 14),
      });
      expect(record.orders[0]?.tests.map((t) => t.day)).toEqual([1, 7, 14]);
      await expect(
        unaryCall(as(WARD_TEAM).contacts, 'RegisterArrival', {
          personId: person('r'),
          fromAreaCode: '7',
          arrivedOn,
        }),
      ).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
      await expect(
        unaryCall(as(WARD_TEAM).contacts, 'RegisterArrival', {
          personId: person('nobody-r'),
          fromAreaCode: '79',
          arrivedOn,
        }),
      ).rejects.toMatchObject({ code: status.NOT_FOUND });
    });

    it('records a contact named by details once the registry says who they are, or a tracer chooses', async () => {
      const named = await unaryCall(as(WARD_TEAM).contacts, 'RecordContacts', {
        personId: person('a'),
        contacts: [
          {
            details: {
              fullName: 'Trần Thị Kim',
              birthYear: 1970,
              address: { districtCode: DISTRICT, wardCode: WARD },
            },
            contactType: 'care',
            lastExposureOn: today(),
          },
          {
            details: {
              fullName: 'Trần Thị Lan',
              birthYear: 1972,
              address: { districtCode: DISTRICT, wardCode: WARD },
            },
            contactType: 'care',
            lastExposureOn: today(),
          },
        ],
      });
      const [kim, lan] = named.outcomes.map((o) => o.contactRef);
      expect(named.outcomes.map((o) => o.status)).toEqual([
        'awaiting_identification',
        'awaiting_identification',
      ]);
      await eventually('the identification requests', () => {
        const asked = events(
          'ContactIdentificationRequested',
          (d) => d.contactRef === kim || d.contactRef === lan,
        );
        return asked.length === 2 ? asked : undefined;
      });
      expect((await getPerson('a')).pendingContacts.map((p) => p.fullName)).toEqual([
        'Trần Thị Kim',
        'Trần Thị Lan',
      ]);
      // The registry's answers, as sample-collection publishes them.
      await publish(
        topics.persons.topic,
        createEvent(PersonIdentifiedV1, { contactRef: kim ?? '', personId: person('k'), how: 'registered' }),
      );
      await publish(
        topics.persons.topic,
        createEvent(ContactIdentificationAmbiguousV1, {
          contactRef: lan ?? '',
          candidates: [
            { personId: person('l1'), reasons: ['same_name_birth_year'] },
            { personId: person('l2'), reasons: ['same_name_birth_year'] },
          ],
        }),
      );
      await becomes('k', 'F1');
      const task = await eventually('a task to choose who the contact is', async () => {
        const list = await unaryCall(as(WARD_TEAM).tracing, 'ListTasks', { kind: 'confirm_identity' });
        return list.tasks.find((t) => t.contactRef === lan);
      });
      expect(task.candidates.map((c) => c.personId)).toEqual([person('l1'), person('l2')]);
      await unaryCall(as(WARD_TEAM).tracing, 'ClaimTask', { taskId: task.taskId });
      await expect(
        unaryCall(as(WARD_TEAM).tracing, 'CompleteTask', {
          taskId: task.taskId,
          outcome: 'confirmed',
          chosenPersonId: person('zz'),
        }),
      ).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
      await unaryCall(as(WARD_TEAM).tracing, 'CompleteTask', {
        taskId: task.taskId,
        outcome: 'confirmed',
        chosenPersonId: person('l2'),
      });
      await becomes('l2', 'F1');
      expect((await getPerson('a')).pendingContacts).toEqual([]);
    });

    it('matches venue check-ins and app logs against the F0, as candidates a tracer confirms', async () => {
      const yesterday = addDays(today(), -1);
      const at = (hhmm: string): string => `${yesterday}T${hhmm}:00+07:00`;
      const venue = `cho-${prefix}`;
      for (const name of ['v1', 'v2', 'v3', 'v9']) await registered(name, `venue-${name}`);
      await filed('v1', 'v2', 'v3', 'v9');
      const checkIns = await writeClientStream(as(DISTRICT_CENTER).contacts, 'ImportVenueCheckIns', [
        {
          venueId: venue,
          venueName: 'Chợ Bình Thủy',
          personId: person('a'),
          from: at('08:00'),
          to: at('09:00'),
        },
        {
          venueId: venue,
          venueName: 'Chợ Bình Thủy',
          personId: person('v1'),
          from: at('08:30'),
          to: at('10:00'),
        },
        {
          venueId: venue,
          venueName: 'Chợ Bình Thủy',
          personId: person('v2'),
          from: at('10:00'),
          to: at('11:00'),
        },
        { venueId: venue, personId: person('v9'), from: at('11:00'), to: at('10:00') },
        // Nobody registered this id: refused, not kept as a check-in of no one.
        { venueId: venue, personId: person('nobody'), from: at('08:00'), to: at('09:00') },
      ]);
      expect(checkIns).toMatchObject({ accepted: 3, rejected: 2, candidates: 1 });
      expect(checkIns.results[3]?.rejected?.fieldViolations[0]?.field).toBe('to');
      expect(checkIns.results[4]).toMatchObject({
        status: 'rejected',
        errorCode: 'PERSON_NOT_REGISTERED',
        rejected: {
          fieldViolations: [{ field: 'personId', description: 'no person of the registry has this id' }],
        },
      });
      const logs = await writeClientStream(as(DISTRICT_CENTER).contacts, 'ImportProximityLogs', [
        { personA: person('v3'), personB: person('a'), from: at('12:00'), to: at('12:30') },
        { personA: person('v3'), personB: person('nobody'), from: at('12:00'), to: at('12:30') },
      ]);
      expect(logs).toMatchObject({ accepted: 1, rejected: 1, candidates: 1 });
      // The import's answer names nobody; its rows' people are in the audit as changed, by whom.
      const auditor = createClient(personReadsProto.PersonReads, `127.0.0.1:${running.grpcPort}`, {
        token: await issueToken(DEV_SIGNING_KEY, {
          sub: 'ops',
          role: 'admin',
          jurisdiction: { level: 'city', code: '92' },
        }),
      });
      try {
        const trail = await unaryCall(auditor, 'ListPersonReads', { personId: person('v2') });
        expect(trail.reads).toContainEqual(
          expect.objectContaining({
            method: '/truyvet.cases.v1.Contacts/ImportVenueCheckIns',
            kind: 'change',
            outcome: 'OK',
            caller: DISTRICT_CENTER.sub,
          }),
        );
        // A change that failed is in the trail too, with how it ended: here another district's
        // attempt on this district's F0.
        await expect(
          unaryCall(as(FAR_DISTRICT_CENTER).contacts, 'RecordContacts', {
            personId: person('a'),
            contacts: [{ personId: person('v2'), contactType: 'workplace', lastExposureOn: yesterday }],
          }),
        ).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
        const attempts = await unaryCall(auditor, 'ListPersonReads', { personId: person('a') });
        expect(attempts.reads).toContainEqual(
          expect.objectContaining({
            method: '/truyvet.cases.v1.Contacts/RecordContacts',
            kind: 'change',
            outcome: 'PERMISSION_DENIED',
            caller: FAR_DISTRICT_CENTER.sub,
          }),
        );
      } finally {
        auditor.close();
      }
      expect(logs.results[1]?.rejected?.fieldViolations.map((v) => v.field)).toEqual(['personB']);
      const graph = await unaryCall(as(CITY).cases, 'GetVenueGraph', {
        venueId: venue,
        fromDay: yesterday,
        toDay: today(),
      });
      expect(graph.visits.map((v) => [v.personId, v.level])).toEqual([
        [person('a'), 0],
        [person('v1'), -1],
        [person('v2'), -1],
      ]);
      expect(graph.candidates.map((c) => c.contactPersonId)).toEqual([person('v1')]);
      const candidates = await unaryCall(as(WARD_TEAM).tracing, 'ListTasks', { kind: 'confirm_candidate' });
      const mine = candidates.tasks.filter((t) => t.taskId.includes(prefix));
      expect(mine.map((t) => t.personId).sort()).toEqual([person('v1'), person('v3')]);
      const v1 = mine.find((t) => t.personId === person('v1'));
      expect(v1?.candidate).toMatchObject({ evidence: 'venue_check_in', lastExposureOn: yesterday });
      await unaryCall(as(WARD_TEAM).tracing, 'ClaimTask', { taskId: v1?.taskId });
      await unaryCall(as(WARD_TEAM).tracing, 'CompleteTask', { taskId: v1?.taskId, outcome: 'confirmed' });
      const confirmed = await becomes('v1', 'F1');
      expect(confirmed.exposures[0]).toMatchObject({
        sourcePersonId: person('a'),
        via: 'venue_check_in',
        contactType: 'venue',
      });
      const v3 = mine.find((t) => t.personId === person('v3'));
      await unaryCall(as(WARD_TEAM).tracing, 'ClaimTask', { taskId: v3?.taskId });
      await unaryCall(as(WARD_TEAM).tracing, 'CompleteTask', {
        taskId: v3?.taskId,
        outcome: 'dismissed',
        note: 'chỉ đi ngang',
      });
      await expect(getPerson('v3')).rejects.toMatchObject({ code: status.NOT_FOUND });
    });

    it('keeps each area its own people in chains, contacts, clusters and venue graphs', async () => {
      // f (F1, the next ward) was reached through b (F0) from a (F0), both in this ward.
      const fromF = await unaryCall(as(OTHER_TEAM).cases, 'GetChain', { personId: person('f') });
      expect(fromF.ancestors).toEqual([]);
      expect(fromF.withheld).toBe(2);
      const cityF = await unaryCall(as(CITY).cases, 'GetChain', { personId: person('f') });
      expect(cityF.ancestors.map((l) => l.personId)).toEqual([person('a'), person('b')]);
      expect(cityF.withheld).toBe(0);
      // A ward's own F0's contacts are listed; the level of one living in the next ward is not.
      const fromB = await unaryCall(as(WARD_TEAM).cases, 'GetChain', { personId: person('b') });
      expect(fromB.contacts.find((c) => c.personId === person('f'))).toMatchObject({ level: -1 });
      const deep = await unaryCall(as(WARD_TEAM).cases, 'GetContacts', { personId: person('a'), depth: 2 });
      expect(deep.contacts.find((c) => c.personId === person('f'))).toMatchObject({ distance: 2, level: -1 });
      expect(deep.contacts.find((c) => c.personId === person('b'))).toMatchObject({ level: 0 });

      // y lives in another district: a contact of a, so in a's cluster.
      await registered('y', 'ninh-kieu', { district: FAR_DISTRICT, ward: FAR_WARD });
      await unaryCall(as(CITY).contacts, 'RecordContacts', {
        personId: person('a'),
        contacts: [{ personId: person('y'), contactType: 'workplace', lastExposureOn: today() }],
      });
      await becomes('y', 'F1');
      const ownCluster = await unaryCall(as(DISTRICT_CENTER).cases, 'GetCluster', { clusterId: caseA });
      expect(ownCluster.members.map((m) => m.personId)).not.toContain(person('y'));
      expect(ownCluster.withheld).toBeGreaterThanOrEqual(1);
      const cityCluster = await unaryCall(as(CITY).cases, 'GetCluster', { clusterId: caseA });
      expect(cityCluster.members.map((m) => m.personId)).toContain(person('y'));
      expect(cityCluster.withheld).toBe(0);
      // The far district holds no case of the cluster: not theirs to read.
      await expect(
        unaryCall(as(FAR_DISTRICT_CENTER).cases, 'GetCluster', { clusterId: caseA }),
      ).rejects.toMatchObject({ code: status.PERMISSION_DENIED });

      // The far district imports its own people's check-ins, not this district's.
      const yesterday = addDays(today(), -1);
      const venue = `cho-${prefix}`;
      const farImport = await writeClientStream(as(FAR_DISTRICT_CENTER).contacts, 'ImportVenueCheckIns', [
        {
          venueId: venue,
          personId: person('a'),
          from: `${yesterday}T13:00:00+07:00`,
          to: `${yesterday}T14:00:00+07:00`,
        },
        {
          venueId: venue,
          personId: person('y'),
          from: `${yesterday}T13:00:00+07:00`,
          to: `${yesterday}T14:00:00+07:00`,
        },
      ]);
      expect(farImport).toMatchObject({ accepted: 1, rejected: 1 });
      expect(farImport.results.map((r) => r.status)).toEqual(['rejected', 'recorded']);
      expect(farImport.results[0]?.errorCode).toBe('OUTSIDE_JURISDICTION');
      const farProximity = await writeClientStream(as(FAR_DISTRICT_CENTER).contacts, 'ImportProximityLogs', [
        {
          personA: person('a'),
          personB: person('y'),
          from: `${yesterday}T13:00:00+07:00`,
          to: `${yesterday}T13:30:00+07:00`,
        },
      ]);
      expect(farProximity).toMatchObject({ accepted: 0, rejected: 1 });
      // At the market this district's F0 visited, the far district sees its own visitor and those
      // not traced yet; not the F0 (nor the candidates the F0 makes).
      const farGraph = await unaryCall(as(FAR_DISTRICT_CENTER).cases, 'GetVenueGraph', {
        venueId: venue,
        fromDay: yesterday,
        toDay: today(),
      });
      const seenThere = farGraph.visits.map((v) => v.personId);
      expect(seenThere).toContain(person('y'));
      expect(seenThere).toContain(person('v2'));
      expect(seenThere).not.toContain(person('a'));
      expect(farGraph.candidates.map((c) => c.sourcePersonId)).not.toContain(person('a'));
      expect(farGraph.withheld).toBeGreaterThanOrEqual(2);
      const cityGraph = await unaryCall(as(CITY).cases, 'GetVenueGraph', {
        venueId: venue,
        fromDay: yesterday,
        toDay: today(),
      });
      expect(cityGraph.visits.map((v) => v.personId)).toContain(person('a'));
      expect(cityGraph.withheld).toBe(0);
    });

    it('replays every event it was given without a second case, order or task', async () => {
      const count = (): Record<string, number> =>
        Object.fromEntries(
          [
            'CaseConfirmed',
            'PersonClassified',
            'IsolationOrdered',
            'IsolationEnded',
            'TestOrdered',
            'TestOrderCancelled',
            'ContactRecorded',
          ].map(
            // Distinct ids: the replayed copies of its own events are seen again, a new event would be new.
            (t) => [t, new Set(events(t).map((e) => e.id)).size],
          ),
        );
      // What earlier steps set off has finished: nothing new on the bus for a while.
      for (let quiet = 0, n = -1; quiet < 3;) {
        quiet = seen.length === n ? quiet + 1 : 0;
        n = seen.length;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const before = count();
      const records = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => getPerson(n)));
      const own = seen.filter(
        (e) => e.type === 'ContactRecorded' || e.type === 'PersonClassified' || e.type === 'CaseConfirmed',
      );
      const replay = [...published, ...own.map((event) => ({ topic: topics.cases.topic, event }))];
      await bus.publish(replay.map((r) => eventMessage(r)));
      // A new negative per person after the replay: once each is seen, their partition is past the replay.
      for (const n of ['a', 'b', 'c', 'd', 'e', 'f'])
        await resulted(n, `sentinel-${n}`, 'negative', addDays(today(), -30));
      for (const n of ['a', 'b', 'c', 'd', 'e', 'f'])
        await eventually(`the sentinel of ${n}`, async () =>
          (await getPerson(n)).resultIds.includes(`${prefix}-sentinel-${n}`) ? true : undefined,
        );
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // the replayed own events, on other partitions
      expect(count()).toEqual(before);
      const after = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => getPerson(n)));
      expect(after.map((r) => ({ ...r, resultIds: [] }))).toEqual(
        records.map((r) => ({ ...r, resultIds: [] })),
      );
    });

    it("makes a case of a negative amended to positive from the amendment's own facts (nothing kept of the negative)", async () => {
      // Someone nobody traced (not even registered), whose negative this service holds nothing of:
      // only the amendment's own facts can place the case.
      const collectedOn = addDays(today(), -2);
      await publish(
        topics.labResults.topic,
        createEvent(PersonTestResultAmendedV1, {
          resultId: `${prefix}-rn1b`,
          amendsResultId: `${prefix}-rn1`,
          personId: person('n'),
          sampleId: `s-${prefix}-rn1`,
          pooled: false,
          previousOutcome: 'negative',
          outcome: 'positive',
          ctValues: { E: 24, N: 26 },
          reason: 'đọc nhầm mẫu (a tube read for another)',
          amendedBy: 'ktv-cdc',
          amendedAt: new Date().toISOString(),
          method: 'rt_pcr',
          collectedAt: `${collectedOn}T07:00:00+07:00`,
          siteDistrictCode: DISTRICT,
          siteWardCode: WARD,
        }),
      );
      const n = await becomes('n', 'F0');
      // The case's area and its window come from the tube: swabbed two days ago in that ward.
      expect(n).toMatchObject({ districtCode: DISTRICT, wardCode: WARD });
      expect(n.cases[0]).toMatchObject({ status: 'active', infectiousFrom: addDays(collectedOn, -2) });
    });

    it('reverts an amended case and demotes only what it alone caused', async () => {
      // h met a on the first day of a's window, before b's opened.
      await unaryCall(as(WARD_TEAM).contacts, 'RecordContacts', {
        personId: person('a'),
        contacts: [{ personId: person('h'), contactType: 'vehicle', lastExposureOn: addDays(today(), -3) }],
      });
      await becomes('h', 'F1');
      await publish(
        topics.labResults.topic,
        createEvent(PersonTestResultAmendedV1, {
          resultId: `${prefix}-r1b`,
          amendsResultId: `${prefix}-r1`,
          personId: person('a'),
          sampleId: `s-${prefix}-r1`,
          pooled: false,
          previousOutcome: 'positive',
          outcome: 'negative',
          reason: 'nhiễm chéo trong phòng xét nghiệm (contamination)',
          amendedBy: 'ktv-cdc',
          amendedAt: new Date().toISOString(),
        }),
      );
      const a = await eventually('the case reverted', async () => {
        const r = await getPerson('a');
        return r.cases[0]?.status === 'reverted' ? r : undefined;
      });
      // a lives with b, who is an F0 in their own right: a is now b's F1.
      expect(a).toMatchObject({ classification: 'F1', sourcePersonId: person('b') });
      // Their treatment gave way to a quarantine as b's contact.
      expect(a.orders.find((o) => o.kind === 'treatment')).toMatchObject({
        status: 'ended',
        endReason: 'superseded',
      });
      expect(a.orders.at(-1)).toMatchObject({ kind: 'centralized_quarantine', status: 'active' });
      // c too (same household). d met a, now an F1: d is an F2. h met a before b's window opened:
      // no longer classified, the quarantine withdrawn with its tests.
      await eventually('c to be traced through b', async () => {
        const c = await getPerson('c');
        return c.classification === 'F1' && c.sourcePersonId === person('b') ? c : undefined;
      });
      const d = await becomes('d', 'F2');
      expect(d.orders.map((o) => [o.kind, o.status])).toEqual([
        ['centralized_quarantine', 'ended'],
        ['self_monitoring', 'active'],
      ]);
      const h = await becomes('h', '');
      expect(h.orders[0]).toMatchObject({ status: 'ended', endReason: 'withdrawn' });
      expect((await getPerson('b')).classification).toBe('F0');
      expect((await getPerson('e')).classification).toBe('F1'); // a contact of b as well
      // The state is read back before its events are out: the relay publishes them a moment later.
      const reverted = await eventually('the case reverted on the bus', () => {
        const found = events('CaseReverted', (x) => x.personId === person('a'));
        return found.length > 0 ? found : undefined;
      });
      expect(reverted).toHaveLength(1);
      await eventually('the test orders of d and h cancelled on the bus', () => {
        const cancelled = events(
          'TestOrderCancelled',
          (x) => x.personId === person('d') || x.personId === person('h'),
        );
        return cancelled.length === 6 ? cancelled : undefined;
      });
    });

    it('releases a quarantine whose period is over once the last test is negative, freeing the bed', async () => {
      const c = await getPerson('c');
      const order = c.orders.find((o) => o.status === 'active' && o.kind === 'centralized_quarantine');
      if (!order) throw new Error('c is not in centralized quarantine');
      const beds = async (): Promise<number> =>
        (
          await unaryCall(as(DISTRICT_CENTER).isolation, 'ListFacilities', { districtCode: DISTRICT })
        ).facilities.find((f) => f.facilityId === `ktx-${prefix}`)?.occupied ?? 0;
      await eventually('c in a bed', async () =>
        (await getPerson('c')).orders.at(-1)?.facilityName ? true : undefined,
      );
      // Counted once every quarantine of this suite is placed or waiting: a placement still on its
      // way (an F1 of the reverted case) would fill a bed between the count and the release.
      await eventually('every quarantine in the district placed or waiting', async () => {
        const people = (
          await unaryCall(as(DISTRICT_CENTER).isolation, 'ListInIsolation', {
            districtCode: DISTRICT,
            kind: 'centralized_quarantine',
          })
        ).people.filter((p) => p.personId.includes(prefix));
        return people.every((p) => p.order?.facilityId || p.order?.waitlisted) ? people : undefined;
      });
      const occupied = await beds();
      clock.offsetMs = (daysBetween(today(), order.endsOn) + 1) * 86_400_000;
      try {
        const early = await unaryCall(as(CITY).isolation, 'ReleaseDue', {});
        expect(early.awaitingLastTest).toBeGreaterThanOrEqual(1);
        expect((await getPerson('c')).releaseStatus).toBe('awaiting_last_test');
        await resulted('c', 'r-c14', 'negative', order.endsOn);
        await eventually("c's day-14 result", async () =>
          (await getPerson('c')).resultIds.includes(`${prefix}-r-c14`) ? true : undefined,
        );
        const mark = seen.length;
        const swept = await unaryCall(as(CITY).isolation, 'ReleaseDue', {});
        expect(swept.released).toBeGreaterThanOrEqual(1);
        const released = await getPerson('c');
        expect(released.orders.find((o) => o.orderId === order.orderId)).toMatchObject({
          status: 'ended',
          endReason: 'released',
        });
        await eventually(
          'IsolationEnded (released) on the bus',
          () => events('IsolationEnded', (d) => d.personId === person('c') && d.reason === 'released')[0],
        );
        // Beds are free (everyone whose period ended was released), or went at once to the orders
        // waiting longest (on a shared broker, maybe another suite's F1s this service heard of).
        await eventually('beds freed or given to the longest waiting', async () =>
          (await beds()) < occupied ||
          seen
            .slice(mark)
            .some(
              (e) =>
                e.type === 'IsolationPlaced' &&
                (e.data as { facilityId: string }).facilityId === `ktx-${prefix}`,
            )
            ? true
            : undefined,
        );
        await expect(unaryCall(as(WARD_TEAM).isolation, 'ReleaseDue', {})).rejects.toMatchObject({
          code: status.PERMISSION_DENIED,
        });
        // Past the rules' two days of grace, a quarantine still without its last test is no longer
        // left open: it is a visit for the person's ward team, once however often the sweep runs.
        clock.offsetMs = (daysBetween(today(), order.endsOn) + 3) * 86_400_000;
        const late = await unaryCall(as(CITY).isolation, 'ReleaseDue', {});
        expect(late.lastTestMissing).toBeGreaterThanOrEqual(1);
        await unaryCall(as(CITY).isolation, 'ReleaseDue', {});
        const visits = (
          await unaryCall(as(WARD_TEAM).tracing, 'ListTasks', { kind: 'missing_last_test' })
        ).tasks.filter((t) => t.personId.includes(prefix));
        expect(visits.length).toBeGreaterThanOrEqual(1);
        expect(new Set(visits.map((t) => t.personId)).size).toBe(visits.length);
        const visited = await unaryCall(as(CITY).cases, 'GetPerson', { personId: visits[0]?.personId ?? '' });
        expect(visited.releaseStatus).toBe('last_test_missing');
      } finally {
        clock.offsetMs = 0;
      }
    });

    it('lets the tracers read the rule sets, not a lab; refuses a token of another city outright', async () => {
      expect((await unaryCall(as(WARD_TEAM).rules, 'ListRuleSets', {})).ruleSets.length).toBeGreaterThan(0);
      await expect(unaryCall(as(LAB).rules, 'ListRuleSets', {})).rejects.toMatchObject({
        code: status.PERMISSION_DENIED,
      });
      const foreign = unaryCall(as(FOREIGN_CITY).cases, 'ListCases', {});
      await expect(foreign).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
      await expect(foreign.catch((e: unknown) => readErrorCode(e as never))).resolves.toBe('AREA_NOT_SERVED');
      // An area that does not exist is said so, not answered with an empty list.
      await expect(unaryCall(as(CITY).cases, 'ListCases', { districtCode: '999' })).rejects.toMatchObject({
        code: status.NOT_FOUND,
        details: 'no district 999 in Thành phố Cần Thơ',
      });
    });

    it('takes rule sets for a new date as data, refusing one that overlaps or fails its schema', async () => {
      const rules = as(CITY).rules;
      const listed = await unaryCall(rules, 'ListRuleSets', {});
      const latest = JSON.parse(listed.ruleSets.at(-1)?.json ?? '{}') as Record<string, unknown>;
      const effectiveFrom = `2030-0${1 + (Number(prefix) % 9)}-${String(10 + (Number(prefix) % 18))}`;
      const added = await unaryCall(rules, 'AddRuleSet', {
        ruleSetJson: JSON.stringify({
          ...latest,
          id: `test-${prefix}`,
          effectiveFrom,
          decision: 'test: a later decision',
        }),
      });
      expect(added).toMatchObject({ id: `test-${prefix}`, effectiveFrom });
      await expect(
        unaryCall(rules, 'AddRuleSet', {
          ruleSetJson: JSON.stringify({ ...latest, id: `test2-${prefix}`, effectiveFrom }),
        }),
      ).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/overlap/) });
      let invalid: unknown;
      try {
        await unaryCall(rules, 'AddRuleSet', {
          ruleSetJson: JSON.stringify({
            ...latest,
            id: `bad-${prefix}`,
            effectiveFrom: '2031-01-01',
            quarantine: { kind: 'centralized_quarantine', days: 0, testDays: [], homeMonitoringDays: 0 },
          }),
        });
      } catch (error) {
        invalid = error;
      }
      expect(invalid).toMatchObject({ code: status.INVALID_ARGUMENT });
      expect(readFieldViolations(invalid as never).map((f) => f.field)).toEqual(
        expect.arrayContaining(['ruleSetJson.quarantine.days', 'ruleSetJson.quarantine.testDays']),
      );
      await expect(unaryCall(as(WARD_TEAM).rules, 'AddRuleSet', { ruleSetJson: '{}' })).rejects.toMatchObject(
        {
          code: status.PERMISSION_DENIED,
        },
      );
      // A set effective before today changes decisions already made: only with a reason.
      const past = JSON.stringify({
        ...latest,
        id: `past-${prefix}`,
        effectiveFrom: addDays(today(), -1),
        decision: 'test: the same rules, entered a day late',
      });
      const refused = await unaryCall(rules, 'AddRuleSet', { ruleSetJson: past }).catch(
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({ code: status.INVALID_ARGUMENT });
      expect(readFieldViolations(refused as never)).toEqual([
        expect.objectContaining({
          field: 'ruleSetJson.effectiveFrom',
          description: expect.stringMatching(/^is before today .*give pastReason/),
        }),
      ]);
      await expect(
        unaryCall(rules, 'AddRuleSet', {
          ruleSetJson: past,
          pastReason: 'công văn ký hôm qua, nhập hôm nay',
        }),
      ).resolves.toMatchObject({ id: `past-${prefix}` });
    });

    it('sends a poison event to case-graph.dlq with its reason and goes on', async () => {
      const dead: ReceivedMessage[] = [];
      const dlq = await bus.subscribe({
        groupId: `${prefix}-dlq-reader`,
        topics: [deadLetterTopic('case-graph')],
        handler: (m) => {
          dead.push(m);
          return Promise.resolve();
        },
      });
      const bad = createEvent(PersonTestResultedV1, JSON.parse(JSON.stringify(resultA.data)) as never);
      const poisoned = eventMessage({
        topic: topics.labResults.topic,
        event: { ...bad, data: { ...(bad.data as object), outcome: 'maybe' } },
      });
      await bus.publish([poisoned]);
      const found = await eventually('the poison event in case-graph.dlq', () =>
        dead.find((m) => m.headers[headers.eventId] === bad.id),
      );
      await dlq.stop();
      expect(found.headers[headers.dlqReason]).toMatch(/data\.outcome/);
      await registered('g', 'late');
      await resulted('g', 'r-g', 'positive');
      await becomes('g', 'F0');
    });
  });
}
