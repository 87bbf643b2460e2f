/**
 * The person registry through its real gRPC API, as a district team uses it: one suite, run
 * embedded (in-memory bus and store) and on real Kafka + FerretDB.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Metadata, status } from '@grpc/grpc-js';
import { eventHandler, eventMessage, type Bus } from '@truyvet/bus';
import {
  ContactIdentificationAmbiguousV1,
  ContactIdentificationRequestedV1,
  createEvent,
  EventRegistry,
  PersonIdentifiedV1,
  PersonRegisteredV1,
  PersonsMergedV1,
  PoolResultedV1,
  PersonUpdatedV1,
  SampleCollectedV1,
  ShipmentReceivedV1,
  TestOrderCancelledV1,
  TestOrderedV1,
  TestOrderFulfilledV1,
  topics,
  type EventOf,
} from '@truyvet/events';
import {
  CORRELATION_ID_KEY,
  createClient,
  DEV_SIGNING_KEY,
  issueToken,
  loadGrpcObject,
  readFieldViolations,
  unaryCall,
  writeClientStream,
  type Caller,
} from '@truyvet/grpc';
import type {
  CollectSampleRequest,
  PersonRegistryClient,
  PersonsProto,
  RegisterPersonRequest,
  SampleCollectionClient,
  SamplesProto,
  ShipmentsClient,
  WorklistsClient,
} from '@truyvet/grpc/samples';
import { personReadsProto } from '@truyvet/service';
import type { Config } from './config';
import { start, type Running } from './start';
import { importHouseholdCsv } from './cli/household-csv';

const proto = loadGrpcObject<PersonsProto>('truyvet/samples/v1/persons.proto').truyvet.samples.v1;
const samplesProto = loadGrpcObject<SamplesProto>('truyvet/samples/v1/samples.proto').truyvet.samples.v1;

export const NINH_KIEU_CENTER: Caller = {
  sub: 'ttyt-ninh-kieu',
  role: 'district_center',
  jurisdiction: { level: 'district', code: '916' },
};
const O_MON_CENTER: Caller = {
  sub: 'ttyt-o-mon',
  role: 'district_center',
  jurisdiction: { level: 'district', code: '917' },
};

function person(
  overrides: Partial<NonNullable<RegisterPersonRequest['details']>> = {},
): RegisterPersonRequest {
  return {
    details: {
      fullName: 'Nguyễn Văn An',
      birthYear: 1980,
      sex: 'male',
      phone: '0912 345 678',
      address: { districtCode: '916', wardCode: '31117', hamlet: 'Khu vực 3' },
      householdId: 'hh-31117-0001',
      vaccinations: [{ dose: 1, date: '2021-08-20', vaccine: 'AstraZeneca' }],
      occupation: 'shipper',
      ...overrides,
    },
  };
}

export function describePersonRegistryComponent(
  name: string,
  /** `uniquePrefix`: 4 digits no other run against the same store uses. */
  setup: () => Promise<{ config: Config; bus?: Bus; uniquePrefix: string; cleanup?: () => Promise<void> }>,
  timeoutMs = 30_000,
  /** Rows in the household-list CSV import test (10,000 embedded; fewer on FerretDB, which scans). */
  csvRows = 10_000,
): void {
  describe(`sample-collection person registry (${name})`, () => {
    let running: Running;
    let client: PersonRegistryClient;
    let outsider: PersonRegistryClient;
    let address: string;
    let prefix: string;
    let cleanup: (() => Promise<void>) | undefined;
    let registered: Array<EventOf<typeof PersonRegisteredV1>>;
    let collected: Array<EventOf<typeof SampleCollectedV1>>;
    const fulfilled: Array<EventOf<typeof TestOrderFulfilledV1>> = [];
    const personChanges: Array<EventOf<typeof PersonUpdatedV1> | EventOf<typeof PersonsMergedV1>> = [];
    const identified: Array<
      EventOf<typeof PersonIdentifiedV1> | EventOf<typeof ContactIdentificationAmbiguousV1>
    > = [];
    let stopEvents: (() => Promise<void>) | undefined;
    let samples: SampleCollectionClient;
    let shipments: ShipmentsClient;
    let worklists: WorklistsClient;
    let bus: Bus | undefined;
    const clock = { offsetMs: 0 };
    let outsiderSamples: SampleCollectionClient;

    beforeAll(async () => {
      const env = await setup();
      prefix = env.uniquePrefix;
      cleanup = env.cleanup;
      bus = env.bus;
      const now = (): Date => new Date(Date.now() + clock.offsetMs);
      running = await start(
        { ...env.config, GRPC_HOST: '127.0.0.1', GRPC_PORT: 0 },
        env.bus ? { bus: env.bus, now } : { now },
      );
      address = `127.0.0.1:${running.grpcPort}`;
      client = createClient(proto.PersonRegistry, address, {
        token: await issueToken(DEV_SIGNING_KEY, NINH_KIEU_CENTER),
      });
      outsider = createClient(proto.PersonRegistry, address, {
        token: await issueToken(DEV_SIGNING_KEY, O_MON_CENTER),
      });
      samples = createClient(samplesProto.SampleCollection, address, {
        token: await issueToken(DEV_SIGNING_KEY, NINH_KIEU_CENTER),
      });
      worklists = createClient(samplesProto.Worklists, address, {
        token: await issueToken(DEV_SIGNING_KEY, NINH_KIEU_CENTER),
      });
      shipments = createClient(samplesProto.Shipments, address, {
        token: await issueToken(DEV_SIGNING_KEY, NINH_KIEU_CENTER),
      });
      outsiderSamples = createClient(samplesProto.SampleCollection, address, {
        token: await issueToken(DEV_SIGNING_KEY, O_MON_CENTER),
      });
      registered = [];
      collected = [];
      if (env.bus) {
        const subscription = await env.bus.subscribe({
          groupId: `${prefix}-watcher`,
          topics: [topics.persons.topic, topics.samples.topic, topics.testOrders.topic],
          handler: eventHandler(
            new EventRegistry([
              PersonRegisteredV1,
              PersonUpdatedV1,
              PersonsMergedV1,
              SampleCollectedV1,
              TestOrderFulfilledV1,
              PersonIdentifiedV1,
              ContactIdentificationAmbiguousV1,
            ] as const),
            {
              PersonIdentified: (event) => {
                identified.push(event);
                return Promise.resolve();
              },
              ContactIdentificationAmbiguous: (event) => {
                identified.push(event);
                return Promise.resolve();
              },
              PersonUpdated: (event) => {
                personChanges.push(event);
                return Promise.resolve();
              },
              PersonsMerged: (event) => {
                personChanges.push(event);
                return Promise.resolve();
              },
              TestOrderFulfilled: (event) => {
                fulfilled.push(event);
                return Promise.resolve();
              },
              PersonRegistered: (event) => {
                registered.push(event);
                return Promise.resolve();
              },
              SampleCollected: (event) => {
                collected.push(event);
                return Promise.resolve();
              },
            },
          ),
        });
        stopEvents = () => subscription.stop();
      }
    }, 120_000);

    afterAll(async () => {
      client.close();
      outsider.close();
      samples.close();
      shipments.close();
      worklists.close();
      outsiderSamples.close();
      await stopEvents?.();
      await running.stop();
      await cleanup?.();
    });

    /** Waits (on the real bus) until an event the test expects was published. */
    async function published<E>(events: readonly E[], match: (event: E) => boolean): Promise<E | undefined> {
      const deadline = Date.now() + timeoutMs;
      while (!events.some(match) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return events.find(match);
    }

    // Phones unique to this run (the real store keeps earlier runs' persons): 09 + 4 + 4 digits.
    const phoneFor = (n: number): string => `09${prefix}${String(n).padStart(4, '0')}`;

    it('registers a person, normalizing the phone, and publishes PersonRegistered', async () => {
      const response = await unaryCall(client, 'RegisterPerson', person({ phone: phoneFor(1) }));
      expect(response.registered?.personId).toMatch(/^p-/);
      const personId = response.registered?.personId ?? '';
      const got = await unaryCall(client, 'GetPerson', { personId });
      expect(got.details).toMatchObject({
        fullName: 'Nguyễn Văn An',
        phone: phoneFor(1),
        address: { wardCode: '31117' },
      });
      if (stopEvents) {
        const event = await published(registered, (e) => e.data.personId === personId);
        expect(event?.data).toMatchObject({
          registeredBy: 'ttyt-ninh-kieu',
          details: { phone: phoneFor(1) },
        });
      }
    });

    it('records who was shown a person before the answer leaves, and lists it to an admin', async () => {
      const response = await unaryCall(
        client,
        'RegisterPerson',
        person({ fullName: 'Đỗ Thị Kiểm', birthYear: 1979, phone: phoneFor(941) }),
      );
      const personId = response.registered?.personId ?? response.existing?.personId ?? '';
      const metadata = new Metadata();
      metadata.set(CORRELATION_ID_KEY, `${prefix}-read-1`);
      await unaryCall(client, 'GetPerson', { personId }, { metadata });
      const reads = await readsOf(personId);
      expect(reads[0]).toMatchObject({
        method: '/truyvet.samples.v1.PersonRegistry/GetPerson',
        caller: NINH_KIEU_CENTER.sub,
        role: 'district_center',
        areaCode: NINH_KIEU_CENTER.jurisdiction.code,
        correlationId: `${prefix}-read-1`,
        peopleInAnswer: 1,
      });
      // The registration's own answer named the person too.
      expect(reads.map((r) => r.method)).toContain('/truyvet.samples.v1.PersonRegistry/RegisterPerson');
    });

    /** What the read audit holds of a person, as an admin lists it. */
    async function readsOf(personId: string) {
      const admin = createClient(personReadsProto.PersonReads, address, {
        token: await issueToken(DEV_SIGNING_KEY, {
          sub: 'ops',
          role: 'admin',
          jurisdiction: { level: 'city', code: '92' },
        }),
      });
      try {
        return (await unaryCall(admin, 'ListPersonReads', { personId })).reads;
      } finally {
        admin.close();
      }
    }

    it('knows the same person again: same name (any diacritics), birth year and phone', async () => {
      const first = await unaryCall(
        client,
        'RegisterPerson',
        person({ fullName: 'Lê Thị Hoa', phone: phoneFor(2) }),
      );
      const again = await unaryCall(
        client,
        'RegisterPerson',
        person({ fullName: 'LE THI HOA', phone: `+84 ${phoneFor(2).slice(1)}` }),
      );
      expect(again.existing).toEqual({
        personId: first.registered?.personId,
        reason: 'same_name_birth_year_phone',
      });
    });

    it('returns a probable match as a candidate instead of registering twice', async () => {
      const first = await unaryCall(
        client,
        'RegisterPerson',
        person({ fullName: 'Trần Văn Bảy', birthYear: 1975, phone: phoneFor(3) }),
      );
      const probable = await unaryCall(
        client,
        'RegisterPerson',
        person({ fullName: 'Tran Van Bay', birthYear: 1975, phone: phoneFor(4) }),
      );
      expect(probable.candidates?.candidates).toEqual([
        // Same name and birth year, and (the default test data) the same household.
        { personId: first.registered?.personId, reasons: ['same_name_birth_year', 'same_household_name'] },
      ]);
      const forced = await unaryCall(client, 'RegisterPerson', {
        ...person({ fullName: 'Tran Van Bay', birthYear: 1975, phone: phoneFor(4) }),
        registerDespiteCandidates: true,
      });
      expect(forced.registered?.personId).not.toBe(first.registered?.personId);
    });

    it('identifies a contact a tracer named by details: the person known, a new one registered once, or candidates', async () => {
      if (!bus) return;
      const known = await unaryCall(
        client,
        'RegisterPerson',
        person({ fullName: 'Lê Thị Tám', birthYear: 1991, phone: phoneFor(40) }),
      );
      const knownId = known.registered?.personId ?? known.existing?.personId;
      const request = async (
        ref: string,
        details: Record<string, unknown>,
        registerDespiteCandidates = false,
      ) => {
        const event = createEvent(ContactIdentificationRequestedV1, {
          contactRef: `p-f0-${prefix}~${ref}`,
          details: {
            address: { districtCode: '916', wardCode: '31117' },
            vaccinations: [],
            comorbidities: [],
            ...details,
          } as never,
          registerDespiteCandidates,
          requestedBy: 'to-covid-31117',
        });
        await bus?.publish([eventMessage({ topic: topics.cases.topic, event })]);
        return event;
      };
      const answer = (ref: string, type: string) =>
        published(identified, (e) => e.data.contactRef === `p-f0-${prefix}~${ref}` && e.type === type);
      await request('c1', { fullName: 'Le Thi Tam', birthYear: 1991, phone: phoneFor(40) });
      expect((await answer('c1', 'PersonIdentified'))?.data).toMatchObject({
        personId: knownId,
        how: 'existing',
      });
      // Someone the registry has never seen: registered once, however often the request comes.
      const fresh = await request('c2', { fullName: `Phạm Văn Mười ${prefix}`, birthYear: 1960 });
      const registeredAnswer = await answer('c2', 'PersonIdentified');
      expect(registeredAnswer?.data).toMatchObject({ how: 'registered' });
      await bus.publish([eventMessage({ topic: topics.cases.topic, event: fresh })]);
      await request('c2', { fullName: `Phạm Văn Mười ${prefix}`, birthYear: 1960 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const forRef = registered.filter((e) => e.data.contactRef === `p-f0-${prefix}~c2`);
      expect(forRef).toHaveLength(1);
      expect(forRef[0]?.data.personId).toBe((registeredAnswer?.data as { personId: string }).personId);
      // Only a probable match (same name and birth year, another phone): a tracer must choose.
      await request('c3', { fullName: 'Lê Thị Tám', birthYear: 1991, phone: phoneFor(41) });
      const ambiguous = await answer('c3', 'ContactIdentificationAmbiguous');
      expect(
        (ambiguous?.data as { candidates: Array<{ personId: string }> }).candidates.map((c) => c.personId),
      ).toContain(knownId);
      await request('c3', { fullName: 'Lê Thị Tám', birthYear: 1991, phone: phoneFor(41) }, true);
      const confirmedNew = await answer('c3', 'PersonIdentified');
      expect(confirmedNew?.data).toMatchObject({ how: 'registered' });
      expect((confirmedNew?.data as { personId: string }).personId).not.toBe(knownId);
    });

    it('names every bad field: unknown ward, wrong district, bad phone and ID', async () => {
      let caught: unknown;
      try {
        await unaryCall(
          client,
          'RegisterPerson',
          person({
            nationalId: '12345',
            phone: '12345',
            address: { districtCode: '916', wardCode: '31153' },
            fullName: 'X',
          }),
        );
      } catch (error) {
        caught = error;
      }
      expect((caught as { code?: number }).code).toBe(status.INVALID_ARGUMENT);
      const fields = readFieldViolations(caught as Parameters<typeof readFieldViolations>[0]).map(
        (f) => f.field,
      );
      expect(fields.sort()).toEqual([
        'details.address.districtCode',
        'details.fullName',
        'details.nationalId',
        'details.phone',
      ]);
    });

    it('refuses a date no fact can have: a dose in year 0001, a birth date next century', async () => {
      const answer = await unaryCall(
        client,
        'RegisterPerson',
        person({
          vaccinations: [{ dose: 1, date: '0001-08-20', vaccine: 'AstraZeneca' }],
          birthDate: '2190-01-01',
        }),
      ).catch((error: unknown) => error);
      expect((answer as { code?: number }).code).toBe(status.INVALID_ARGUMENT);
      const fields = readFieldViolations(answer as Parameters<typeof readFieldViolations>[0]);
      expect(fields.map((f) => f.field).sort()).toEqual(['details.birthDate', 'details.vaccinations.0.date']);
    });

    it('keeps a district center to its own district', async () => {
      await expect(
        unaryCall(outsider, 'RegisterPerson', person({ phone: phoneFor(5) })),
      ).rejects.toMatchObject({
        code: status.PERMISSION_DENIED,
      });
      const found = await unaryCall(outsider, 'FindPersons', { phone: phoneFor(1) });
      expect(found.persons).toEqual([]);
      const mine = await unaryCall(client, 'FindPersons', { phone: phoneFor(1) });
      expect(mine.persons.map((p) => p.details?.fullName)).toEqual(['Nguyễn Văn An']);
    });

    it('does not tell another district who is registered in this one, nor who is similar', async () => {
      // Lê Thị Hoa (phone 2) and Trần Văn Bảy (phone 3) are Ninh Kiều's. Ô Môn registers the same
      // Hoa at an Ô Môn address, and a Bảy with another phone.
      const oMon = { districtCode: '917', wardCode: '31153' };
      const hoa = await unaryCall(
        outsider,
        'RegisterPerson',
        person({ fullName: 'Lê Thị Hoa', phone: phoneFor(2), address: oMon, householdId: '' }),
      );
      expect(hoa.existing).toEqual({ personId: '', reason: 'registered_in_another_area' });
      const bay = await unaryCall(
        outsider,
        'RegisterPerson',
        person({
          fullName: 'Tran Van Bay',
          birthYear: 1975,
          phone: phoneFor(6),
          address: oMon,
          householdId: '',
        }),
      );
      expect(bay.registered ?? bay.candidates).toBeDefined();
      expect(bay.candidates?.candidates ?? []).toEqual([]);
      // Ninh Kiều itself is answered with the id.
      const own = await unaryCall(
        client,
        'RegisterPerson',
        person({ fullName: 'Lê Thị Hoa', phone: phoneFor(2) }),
      );
      expect(own.existing?.personId).toMatch(/.+/);
    });

    it("keeps the registry's search from the lab, which reads a tube's people by id only", async () => {
      const lab = createClient(proto.PersonRegistry, address, {
        token: await issueToken(DEV_SIGNING_KEY, {
          sub: 'ktv-cdc',
          role: 'lab',
          jurisdiction: { level: 'city', code: '92' },
        }),
      });
      try {
        await expect(unaryCall(lab, 'FindPersons', { phone: phoneFor(1) })).rejects.toMatchObject({
          code: status.PERMISSION_DENIED,
        });
      } finally {
        lab.close();
      }
    });

    it("finds the caller's own people even when a hundred others' match first", async () => {
      // One household id across two districts (a family split by the district line): a hundred
      // members in Ninh Kiều registered first, one in Ô Môn last.
      const household = `hh-${prefix}-split`;
      const many = Array.from({ length: 100 }, (_, i) =>
        person({
          fullName: `Người Đông ${String(i)}`,
          birthYear: 1921 + (i % 80),
          phone: phoneFor(2000 + i),
          nationalId: '',
          householdId: household,
        }),
      );
      const imported = await writeClientStream(client, 'ImportPersons', many);
      expect(imported.registered).toBe(100);
      await unaryCall(
        outsider,
        'RegisterPerson',
        person({
          fullName: 'Người Ở Ô Môn',
          phone: phoneFor(2100),
          householdId: household,
          address: { districtCode: '917', wardCode: '31153' },
        }),
      );
      const theirs = await unaryCall(outsider, 'FindPersons', { householdId: household });
      expect(theirs.persons.map((p) => p.details?.fullName)).toEqual(['Người Ở Ô Môn']);
      const mine = await unaryCall(client, 'FindPersons', { householdId: household });
      expect(mine.persons).toHaveLength(100);
      expect(mine.persons.every((p) => p.details?.address?.districtCode === '916')).toBe(true);
    });

    it('imports a household list item by item, reporting the bad rows', async () => {
      const household = `hh-${prefix}-import`;
      const rows: RegisterPersonRequest[] = [
        person({ fullName: 'Phạm Văn Chín', birthYear: 1960, phone: phoneFor(6), householdId: household }),
        person({ fullName: 'Phạm Thị Mười', birthYear: 1962, phone: phoneFor(7), householdId: household }),
        person({ fullName: 'Phạm Văn Út', birthYear: 2010, phone: 'not a phone', householdId: household }),
        person({ fullName: 'Phạm Văn Chín', birthYear: 1960, phone: phoneFor(6), householdId: household }),
        person({
          fullName: 'Ngoài Quận',
          birthYear: 1990,
          phone: phoneFor(8),
          address: { districtCode: '917', wardCode: '31153' },
        }),
      ];
      const response = await writeClientStream(client, 'ImportPersons', rows);
      expect({ ...response, results: undefined }).toEqual({
        results: undefined,
        registered: 2,
        existing: 1,
        candidates: 0,
        rejected: 2,
      });
      expect(response.results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
      expect(response.results[2]?.rejected?.fieldViolations.map((f) => f.field)).toEqual(['details.phone']);
      expect(response.results[3]?.outcome?.existing?.personId).toBe(
        response.results[0]?.outcome?.registered?.personId,
      );
      expect(response.results[4]?.rejected?.fieldViolations[0]?.description).toMatch(
        /outside the caller's jurisdiction/,
      );
      // An empty ward code is one violation, said once.
      const noWard = await writeClientStream(client, 'ImportPersons', [
        person({ fullName: 'Không Phường', birthYear: 1990, address: { districtCode: '916', wardCode: '' } }),
      ]);
      expect(noWard.results[0]?.rejected?.fieldViolations.map((f) => f.field)).toEqual([
        'details.address.wardCode',
      ]);
      const members = await unaryCall(client, 'FindPersons', { householdId: household });
      expect(members.persons.map((p) => p.details?.fullName).sort()).toEqual([
        'Phạm Thị Mười',
        'Phạm Văn Chín',
      ]);
    });

    it('corrects a person with a reason, keeps the audit trail, refuses stale or clashing corrections', async () => {
      const registeredAs = await unaryCall(
        client,
        'RegisterPerson',
        person({
          fullName: 'Võ Văn Sửa',
          birthYear: 1970,
          phone: phoneFor(20),
          householdId: `hh-${prefix}-20`,
        }),
      );
      const personId = registeredAs.registered?.personId ?? '';
      const read = await unaryCall(client, 'GetPerson', { personId });
      const correction = {
        personId,
        expectedVersion: read.version,
        details: { ...read.details, birthYear: 1971, phone: phoneFor(21) },
        reason: 'năm sinh ghi nhầm khi nhập liệu',
      };
      const corrected = await unaryCall(client, 'CorrectPerson', correction);
      expect(corrected.version).toBe(read.version + 1);
      expect(corrected.details).toMatchObject({ birthYear: 1971, phone: phoneFor(21) });
      expect(corrected.audit.map((a) => a.action)).toEqual(['registered', 'corrected']);
      expect(corrected.audit[1]).toMatchObject({
        by: 'ttyt-ninh-kieu',
        reason: 'năm sinh ghi nhầm khi nhập liệu',
        changedFields: ['birthYear', 'phone'],
      });
      expect(JSON.parse(corrected.audit[1]?.previousJson ?? '{}')).toEqual({
        birthYear: 1970,
        phone: phoneFor(20),
      });
      // The same correction re-sent (a retry): nothing changes.
      expect((await unaryCall(client, 'CorrectPerson', correction)).version).toBe(corrected.version);
      // A correction made on an old read is refused, naming the field.
      const stale = { ...correction, details: { ...correction.details, householdId: `hh-${prefix}-stale` } };
      await expect(unaryCall(client, 'CorrectPerson', stale)).rejects.toMatchObject({
        code: status.FAILED_PRECONDITION,
      });
      // The registry finds the person by the corrected details only.
      const byNew = await unaryCall(client, 'FindPersons', { phone: phoneFor(21) });
      expect(byNew.persons.map((p) => p.personId)).toEqual([personId]);
      expect((await unaryCall(client, 'FindPersons', { phone: phoneFor(20) })).persons).toEqual([]);
      // Giving them another person's certain details is a merge, not a correction.
      const other = await unaryCall(
        client,
        'RegisterPerson',
        person({ fullName: 'Võ Thị Khác', phone: phoneFor(22) }),
      );
      let clash: unknown;
      try {
        await unaryCall(client, 'CorrectPerson', {
          ...correction,
          expectedVersion: corrected.version,
          details: { ...correction.details, fullName: 'Võ Thị Khác', birthYear: 1980, phone: phoneFor(22) },
        });
      } catch (error) {
        clash = error;
      }
      expect(clash).toMatchObject({ code: status.FAILED_PRECONDITION });
      expect((clash as Error).message).toContain(other.registered?.personId ?? '?');
      if (stopEvents) {
        const updates = await published(
          personChanges,
          (e) => e.type === 'PersonUpdated' && e.data.personId === personId,
        );
        expect(updates?.data).toMatchObject({
          changedFields: ['birthYear', 'phone'],
          reason: 'năm sinh ghi nhầm khi nhập liệu',
          updatedBy: 'ttyt-ninh-kieu',
        });
        // A retried correction publishes nothing more (counted by event id: delivery is at least once).
        const ids = personChanges.filter((e) => e.type === 'PersonUpdated' && e.data.personId === personId);
        expect(new Set(ids.map((e) => e.id)).size).toBe(1);
      }
      // Another district cannot correct this district's people.
      await expect(
        unaryCall(outsider, 'CorrectPerson', { ...correction, expectedVersion: corrected.version }),
      ).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    });

    it('merges two registrations of one person: the merged id points to the survivor everywhere', async () => {
      const a = await unaryCall(
        client,
        'RegisterPerson',
        person({
          fullName: 'Đặng Văn Gộp',
          birthYear: 1985,
          phone: phoneFor(30),
          householdId: `hh-${prefix}-30`,
        }),
      );
      const b = await unaryCall(client, 'RegisterPerson', {
        ...person({
          fullName: 'Dang Van Gop',
          birthYear: 1985,
          phone: phoneFor(31),
          householdId: `hh-${prefix}-31`,
        }),
        registerDespiteCandidates: true,
      });
      const survivorId = a.registered?.personId ?? '';
      const mergedId = b.registered?.personId ?? '';
      expect(mergedId).not.toBe(survivorId);
      await expect(
        unaryCall(outsider, 'MergePersons', { survivorId, mergedId, reason: 'cùng một người' }),
      ).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
      const survivor = await unaryCall(client, 'MergePersons', {
        survivorId,
        mergedId,
        reason: 'cùng một người, hai số điện thoại',
      });
      expect(survivor.personId).toBe(survivorId);
      expect(survivor.mergedFrom).toEqual([
        expect.objectContaining({
          personId: mergedId,
          by: 'ttyt-ninh-kieu',
          reason: 'cùng một người, hai số điện thoại',
        }),
      ]);
      // Done again (a retry): the same answer, no second merge.
      const again = await unaryCall(client, 'MergePersons', { survivorId, mergedId, reason: 'retry' });
      expect(again.mergedFrom).toHaveLength(1);
      if (stopEvents) {
        const mergeEvent = await published(
          personChanges,
          (e) => e.type === 'PersonsMerged' && e.data.mergedId === mergedId,
        );
        expect(mergeEvent?.key).toBe(survivorId);
        expect(mergeEvent?.data).toMatchObject({ survivorId, mergedBy: 'ttyt-ninh-kieu' });
      }
      const merged = await unaryCall(client, 'GetPerson', { personId: mergedId });
      expect(merged.mergedInto).toBe(survivorId);
      expect(merged.audit.at(-1)).toMatchObject({ action: 'merged_into', survivorId });
      // Registering the merged registration's details again finds the survivor.
      const reRegistered = await unaryCall(
        client,
        'RegisterPerson',
        person({
          fullName: 'Dang Van Gop',
          birthYear: 1985,
          phone: phoneFor(31),
          householdId: `hh-${prefix}-31`,
        }),
      );
      expect(reRegistered.existing?.personId).toBe(survivorId);
      // Lookups list the survivor only; a sample under the merged id is refused, naming the survivor.
      expect((await unaryCall(client, 'FindPersons', { phone: phoneFor(31) })).persons).toEqual([]);
      let refused: unknown;
      try {
        await unaryCall(samples, 'CollectSample', tube('merged', [mergedId]));
      } catch (error) {
        refused = error;
      }
      expect(refused).toMatchObject({ code: status.INVALID_ARGUMENT });
      expect(readFieldViolations(refused as Parameters<typeof readFieldViolations>[0])).toEqual([
        { field: 'personIds.0', description: `${mergedId} was merged into ${survivorId}: use that id` },
      ]);
      // That refusal named the survivor to the caller: a read of them, recorded like an answer.
      expect((await readsOf(survivorId)).map((r) => r.method)).toContain(
        '/truyvet.samples.v1.SampleCollection/CollectSample',
      );
      // Merging the other way round now is refused: the merged registration is not a survivor.
      await expect(
        unaryCall(client, 'MergePersons', {
          survivorId: mergedId,
          mergedId: survivorId,
          reason: 'ngược lại',
        }),
      ).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    });

    async function registerMany(
      count: number,
      from: number,
      caller = client,
      ward = { districtCode: '916', wardCode: '31120' },
    ): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const response = await unaryCall(caller, 'RegisterPerson', {
          ...person({
            fullName: `Người Thử ${from + i}`,
            birthYear: 1950 + i,
            phone: phoneFor(from + i),
            address: ward,
            householdId: `hh-${prefix}-${from + i}`,
          }),
        });
        const id = response.registered?.personId ?? response.existing?.personId;
        if (!id) throw new Error('not registered');
        ids.push(id);
      }
      return ids;
    }

    const tube = (
      barcode: string,
      personIds: string[],
      pooled = personIds.length > 1,
    ): CollectSampleRequest => ({
      barcode: `CT${prefix}-${barcode}`,
      pooled,
      personIds,
      collectedAt: new Date(Date.now() - 60_000).toISOString(),
      site: { districtCode: '916', wardCode: '31120', name: 'Trạm y tế An Hòa' },
      reason: 'f0_contact',
      specimenType: 'oropharyngeal',
    });

    async function failure(call: Promise<unknown>): Promise<{ code: number | undefined; fields: string[] }> {
      try {
        await call;
      } catch (error) {
        const fields = readFieldViolations(error as Parameters<typeof readFieldViolations>[0]).map(
          (f) => f.field,
        );
        return { code: (error as { code?: number }).code, fields };
      }
      throw new Error('the call succeeded');
    }

    it('collects a pooled tube of five and publishes SampleCollected', async () => {
      const members = await registerMany(5, 100);
      const sample = await unaryCall(samples, 'CollectSample', tube('pool-1', members));
      expect(sample).toMatchObject({
        sampleId: `s-CT${prefix}-POOL-1`,
        pooled: true,
        personIds: members,
        status: 'collected',
      });
      const again = await unaryCall(samples, 'GetSample', { sampleId: sample.sampleId });
      expect(again.personIds).toEqual(members);
      if (stopEvents) {
        const event = await published(collected, (e) => e.data.sampleId === sample.sampleId);
        expect(event?.data.personIds).toEqual(members);
      }
    });

    it('refuses a used barcode, a person already in an open pool, and a pool over the limit', async () => {
      const members = await registerMany(12, 200);
      await unaryCall(samples, 'CollectSample', tube('pool-2', members.slice(0, 3)));
      expect(await failure(unaryCall(samples, 'CollectSample', tube('pool-2', members.slice(3, 5))))).toEqual(
        {
          code: status.ALREADY_EXISTS,
          fields: ['barcode'],
        },
      );
      expect(
        await failure(
          unaryCall(samples, 'CollectSample', tube('pool-3', [members[5] ?? '', members[1] ?? ''])),
        ),
      ).toEqual({
        code: status.FAILED_PRECONDITION,
        fields: ['personIds.1'],
      });
      // The refused pool claimed nobody: its other member can be pooled again.
      await unaryCall(samples, 'CollectSample', tube('pool-4', [members[5] ?? '', members[6] ?? '']));
      expect(
        await failure(unaryCall(samples, 'CollectSample', tube('pool-5', members.slice(0, 11)))),
      ).toMatchObject({
        code: status.INVALID_ARGUMENT,
      });
    });

    it('closes a pool when the lab results it: its members can be pooled again, the tube shows resulted', async () => {
      if (!bus) return;
      const members = await registerMany(3, 700);
      const pool = await unaryCall(samples, 'CollectSample', tube('pool-resulted', members));
      const result = createEvent(PoolResultedV1, {
        resultId: `r-${pool.sampleId}-1`,
        sampleId: pool.sampleId,
        barcode: pool.barcode,
        personIds: members,
        method: 'rt_pcr',
        outcome: 'positive',
        ctValues: { N: 31 },
        kitId: 'allplex-2019-ncov',
        ruleSetId: 'can-tho-2021-provisional',
        labId: 'lab-92',
        recordedBy: 'ktv',
        collectedAt: pool.collectedAt,
        resultedAt: new Date().toISOString(),
        samplingReason: 'f0_contact',
        siteDistrictCode: '916',
      });
      await bus.publish([eventMessage({ topic: topics.labResults.topic, event: result })]);
      const resulted = await eventually('the pool to show resulted', async () => {
        const s = await unaryCall(samples, 'GetSample', { sampleId: pool.sampleId });
        return s.status === 'resulted' ? s : undefined;
      });
      expect(resulted.personIds).toEqual(members);
      const again = await unaryCall(samples, 'CollectSample', tube('pool-after-result', members));
      expect(again.personIds).toEqual(members);
    });

    it('keeps a team to people in its jurisdiction', async () => {
      const [omon] = await registerMany(1, 300, outsider, { districtCode: '917', wardCode: '31153' });
      expect(await failure(unaryCall(samples, 'CollectSample', tube('ind-1', [omon ?? ''], false)))).toEqual({
        code: status.PERMISSION_DENIED,
        fields: ['personIds.0'],
      });
      expect(
        await failure(unaryCall(outsiderSamples, 'CollectSample', tube('ind-2', [omon ?? ''], false))),
      ).toMatchObject({
        code: status.PERMISSION_DENIED, // the site is in Ninh Kiều
      });
    });

    it('collects in bulk, answering for each tube', async () => {
      const members = await registerMany(6, 400);
      const m = (i: number): string => members[i] ?? '';
      const response = await writeClientStream(samples, 'CollectSamples', [
        tube('bulk-1', [m(0)], false),
        tube('bulk-2', [m(1), m(2)]),
        tube('bulk-1', [m(3)], false), // the barcode again, in the same stream
        { ...tube('bulk-3', [m(3)], false), reason: 'for fun' },
        tube('bulk-4', ['p-nobody'], false),
        tube('bulk-5', [m(4), m(2)]), // m(2) is in bulk-2, collected a moment ago
        tube('bulk-6', [m(4), m(5)]),
      ]);
      expect({ accepted: response.accepted, rejected: response.rejected }).toEqual({
        accepted: 3,
        rejected: 4,
      });
      expect(response.results.map((r) => r.errorCode || 'ok')).toEqual([
        'ok',
        'ok',
        'BARCODE_ALREADY_USED',
        'INVALID_ARGUMENT',
        'INVALID_SAMPLE',
        'PERSON_IN_OPEN_POOL',
        'ok',
      ]);
      expect(response.results[3]?.rejected?.fieldViolations.map((f) => f.field)).toEqual(['reason']);
      expect(response.results[4]?.rejected?.fieldViolations.map((f) => f.field)).toEqual(['personIds.0']);
      expect(response.results[5]?.rejected?.fieldViolations).toEqual([
        { field: 'personIds.1', description: `already in open pool s-CT${prefix}-BULK-2` },
      ]);
      // The refused pool held nobody: m(4) went into bulk-6. A barcode used in an earlier call is refused too.
      const later = await writeClientStream(samples, 'CollectSamples', [tube('bulk-2', [m(0)], false)]);
      expect(later.results.map((r) => r.errorCode)).toEqual(['BARCODE_ALREADY_USED']);
    });

    async function eventually<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await check();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    it("ships collected samples to the lab, shows overdue boxes, and takes the lab's receipt", async () => {
      const members = await registerMany(5, 500);
      const ids: string[] = [];
      for (const [i, member] of members.slice(0, 2).entries()) {
        ids.push((await unaryCall(samples, 'CollectSample', tube(`ship-${i}`, [member], false))).sampleId);
      }
      const pooled = members.slice(2);
      ids.push((await unaryCall(samples, 'CollectSample', tube('ship-pool', pooled))).sampleId);
      // No lab named: the city's CDC lab, under the id lab-results answers to.
      const shipment = await unaryCall(shipments, 'DispatchShipment', {
        fromDistrictCode: '916',
        sampleIds: ids,
      });
      expect(shipment).toMatchObject({
        status: 'in_transit',
        overdue: false,
        fromDistrictCode: '916',
        labId: 'lab-92',
      });
      expect(shipment.manifest.map((m) => m.sampleId)).toEqual(ids);
      expect((await unaryCall(samples, 'GetSample', { sampleId: ids[0] ?? '' })).status).toBe('shipped');
      // The same box sent again (its answer lost on the way): the same shipment, not a refusal.
      const box = { fromDistrictCode: '916', labId: 'lab-92', sampleIds: [...ids].reverse() };
      expect((await unaryCall(shipments, 'DispatchShipment', box)).shipmentId).toBe(shipment.shipmentId);

      // The same tubes cannot travel twice; a tube that was never collected cannot travel at all.
      expect(
        await failure(
          unaryCall(shipments, 'DispatchShipment', {
            fromDistrictCode: '916',
            labId: 'lab-92',
            sampleIds: [ids[0] ?? '', 's-NOPE'],
          }),
        ),
      ).toEqual({
        code: status.INVALID_ARGUMENT,
        fields: ['sampleIds.0', 'sampleIds.1'],
      });

      clock.offsetMs = 25 * 3_600_000; // a day and an hour later, not received: overdue, listed first
      const listed = await unaryCall(shipments, 'ListShipments', { districtCode: '916' });
      expect(listed.shipments[0]).toMatchObject({ shipmentId: shipment.shipmentId, overdue: true });
      clock.offsetMs = 0;

      if (bus) {
        const receipt = createEvent(ShipmentReceivedV1, {
          shipmentId: shipment.shipmentId,
          receivedAt: new Date().toISOString(),
          receivedSampleIds: [ids[0] ?? '', ids[1] ?? ''],
          missingSampleIds: [],
          unexpectedBarcodes: [],
          rejected: [{ sampleId: ids[2] ?? '', reason: 'leaking' }],
        });
        await bus.publish([eventMessage({ topic: topics.shipments.topic, event: receipt })]);
        const received = await eventually('the receipt to be applied', async () => {
          const s = await unaryCall(shipments, 'GetShipment', { shipmentId: shipment.shipmentId });
          return s.status === 'received' ? s : undefined;
        });
        expect(received.rejectedSampleIds).toEqual([ids[2]]);
        expect((await unaryCall(samples, 'GetSample', { sampleId: ids[2] ?? '' })).status).toBe('rejected');
        expect((await unaryCall(samples, 'GetSample', { sampleId: ids[0] ?? '' })).status).toBe('received');
        // Sent again after the lab has it: still that shipment, and the tubes keep their statuses.
        expect(await unaryCall(shipments, 'DispatchShipment', box)).toMatchObject({
          shipmentId: shipment.shipmentId,
          status: 'received',
        });
        expect((await unaryCall(samples, 'GetSample', { sampleId: ids[0] ?? '' })).status).toBe('received');
        // The rejected pool will get no result: its members can be pooled again at once.
        const again = await unaryCall(samples, 'CollectSample', tube('ship-pool-again', pooled));
        expect(again.personIds).toEqual(pooled);
      }
    });

    it('puts test orders on the district worklist, overdue first, until a sample is taken or the order is cancelled', async () => {
      if (!bus) return;
      const [late, soon, cancelled] = await registerMany(3, 600);
      const order = (orderId: string, personId: string, dueInHours: number) =>
        eventMessage({
          topic: topics.testOrders.topic,
          event: createEvent(TestOrderedV1, {
            orderId: `${prefix}-${orderId}`,
            personId,
            reason: 'f1_follow_up',
            dueBy: new Date(Date.now() + dueInHours * 3_600_000).toISOString(),
            cause: 'case-F0-123',
          }),
        });
      const message = order('soon', soon ?? '', 20);
      await bus.publish([
        order('late', late ?? '', -2),
        message,
        message,
        order('cancel', cancelled ?? '', 30),
      ]);
      const mine = <T extends { orderId: string }>(items: T[]): T[] =>
        items.filter((i) => i.orderId.startsWith(prefix));
      const listed = await eventually('the orders on the worklist', async () => {
        const list = await unaryCall(worklists, 'ListWorklist', { districtCode: '916', wardCode: '31120' });
        return mine(list.items).length === 3 ? list.items : undefined;
      });
      expect(mine(listed).map((i) => [i.orderId, i.overdue])).toEqual([
        [`${prefix}-late`, true],
        [`${prefix}-soon`, false],
        [`${prefix}-cancel`, false],
      ]);

      const sample = await unaryCall(samples, 'CollectSample', tube('order-1', [late ?? ''], false));
      await bus.publish([
        eventMessage({
          topic: topics.testOrders.topic,
          event: createEvent(TestOrderCancelledV1, {
            orderId: `${prefix}-cancel`,
            personId: cancelled ?? '',
            reason: 'released',
          }),
        }),
      ]);
      const left = await eventually('the fulfilled and cancelled orders to leave', async () => {
        const list = await unaryCall(worklists, 'ListWorklist', { districtCode: '916' });
        return mine(list.items).length === 1 ? mine(list.items) : undefined;
      });
      expect(left.map((i) => i.orderId)).toEqual([`${prefix}-soon`]);
      const done = await eventually('TestOrderFulfilled', () =>
        Promise.resolve(fulfilled.find((e) => e.data.orderId === `${prefix}-late`)),
      );
      expect(done.data).toMatchObject({ personId: late, sampleId: sample.sampleId });
    });

    it(`imports a household list CSV of ${csvRows} rows, reporting each bad row`, async () => {
      const header = 'full_name,birth_year,phone,district_code,ward_code,household_id,sex';
      const rows: string[] = [];
      const bad = new Map<number, string>(); // file line -> field
      let duplicates = 0;
      for (let i = 0; i < csvRows; i++) {
        const line = i + 2;
        const phone = `08${prefix}${String(i).padStart(4, '0')}`;
        if (i % 97 === 13) {
          rows.push(`Người Lỗi ${i},1980,123,916,31117,hh-${prefix}-${Math.floor(i / 4)},male`);
          bad.set(line, 'details.phone');
        } else if (i % 211 === 7) {
          rows.push(`Người Sai Phường ${i},1980,${phone},916,31153,hh-${prefix}-${Math.floor(i / 4)},female`);
          bad.set(line, 'details.address.districtCode');
        } else if (i % 250 === 249) {
          rows.push(rows[rows.length - 1] ?? ''); // the same person entered twice
          if (!bad.has(line - 1)) duplicates++;
          else bad.set(line, bad.get(line - 1) ?? '');
        } else {
          rows.push(
            `Người Dân ${prefix} ${i},${1940 + (i % 80)},${phone},916,31117,hh-${prefix}-${Math.floor(i / 4)},${i % 2 ? 'male' : 'female'}`,
          );
        }
      }
      const report = await importHouseholdCsv(client, [header, ...rows].join('\n'), { chunkSize: 1_000 });
      expect(report.rows).toBe(csvRows);
      expect(report.rejected).toBe(bad.size);
      expect(report.existing).toBe(duplicates);
      expect(report.candidates).toBe(0);
      expect(report.registered).toBe(csvRows - bad.size - duplicates);
      expect(new Map(report.problems.map((p) => [p.line, p.field]))).toEqual(bad);
    }, 600_000);
  });
}
