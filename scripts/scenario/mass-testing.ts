/**
 * A district's mass-testing round, driven through the four services' gRPC APIs as the people who
 * use them would: the district center registers households and swabs them in household pools,
 * ships the tubes; the CDC lab accessions the boxes and records the results (some pools
 * positive); the district re-tests the members of positive pools from its worklist; the lab finds
 * the cases among them; case-graph makes them F0 with their households F1; the tracing team
 * records workplace contacts (F1) and their contacts (F2); one contact's follow-up test comes back
 * positive, and the chain moves up. The quick start prints what it did; the end-to-end suite
 * checks the report against what it knows it did.
 */
import { addDays, vietnamDay } from '@truyvet/rules';
import { unaryCall, writeClientStream, type Caller } from '@truyvet/grpc';
import { eventually as until } from '../../test/harness/eventually';
import type { Clients } from './clients';

export { until };

export interface RoundOptions {
  /** Three digits that make names, phones and barcodes unique on servers shared with other runs. */
  tag: string;
  districtCode: string;
  wardCodes: readonly string[];
  households: number;
  /** Households whose pool comes back positive (one member of each is a case). */
  positiveHouseholds: number;
  /** Beds in the district's quarantine facility (fewer than the F1 shows the waiting list). */
  quarantineBeds: number;
  timeoutMs?: number;
  onProgress?: (line: string) => void;
  /** Called between steps (the end-to-end suite kills and restarts a service there). */
  between?: (step: string) => Promise<void>;
}

export interface Person {
  index: number;
  fullName: string;
  personId: string;
  household: number;
  wardCode: string;
  doses: number;
}

export interface RoundSummary {
  people: number;
  households: number;
  vaccinated: { atLeastOneDose: number; fullyVaccinated: number; doses: number };
  tubes: { pools: number; individual: number; positive: number };
  /** Cases found in the community (the pool re-tests) and in quarantine (the follow-up). */
  cases: { community: string[]; quarantine: string[] };
  /** Who should be F1 and F2 at the end, by the contact graph the round built. */
  f1: string[];
  f2: string[];
  /** The F0 found in quarantine: its chain goes back to the first case. */
  cascadePersonId: string;
  firstCasePersonId: string;
  quarantineBeds: number;
  /** Each person's name, by registry id. */
  names: Map<string, string>;
  stepsMs: Record<string, number>;
}

export const roles = (districtCode: string) => ({
  district: {
    sub: `ttyt-${districtCode}`,
    role: 'district_center',
    jurisdiction: { level: 'district', code: districtCode },
  } satisfies Caller,
  lab: { sub: 'ktv-cdc-can-tho', role: 'lab', jurisdiction: { level: 'city', code: '92' } } satisfies Caller,
  city: { sub: 'bcd-can-tho', role: 'city', jurisdiction: { level: 'city', code: '92' } } satisfies Caller,
});

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Đặng', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Hoàng', 'Thanh'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hạnh',
  'Hoa',
  'Hùng',
  'Lan',
  'Mai',
  'Nam',
  'Phúc',
  'Tâm',
  'Thảo',
  'Trí',
];

const positiveCt: Record<string, number> = { E: 23.4, RdRp: 25.1, N: 24.7 };

/** An RT-PCR reading of a tube as the lab's instrument gives it: positive with its Ct values, or negative. */
export function resultReading(barcode: string, positive: boolean) {
  return {
    barcode,
    method: 'rt_pcr',
    kitId: 'allplex-2019-ncov',
    outcome: positive ? 'positive' : 'negative',
    ctValues: positive ? positiveCt : {},
  };
}

/** The people of the round, household by household (sizes 2-6), in the given wards. */
export function householdsOf(options: RoundOptions): Array<Omit<Person, 'personId'>>[] {
  const homes: Array<Omit<Person, 'personId'>>[] = [];
  let index = 0;
  for (let h = 0; h < options.households; h++) {
    const size = 2 + ((h * 7) % 5);
    const wardCode = options.wardCodes[h % options.wardCodes.length] ?? '';
    homes.push(
      Array.from({ length: size }, () => {
        const i = index++;
        // Six in ten with two doses, two in ten with one, the rest none (the registry's knowledge).
        const draw = (i * 7 + h * 3) % 10;
        const doses = draw < 6 ? 2 : draw < 8 ? 1 : 0;
        const fullName = `${FAMILY[h % FAMILY.length] ?? ''} ${MIDDLE[i % MIDDLE.length] ?? ''} ${GIVEN[i % GIVEN.length] ?? ''}`;
        return { index: i, fullName, household: h, wardCode, doses };
      }),
    );
  }
  return homes;
}

/**
 * The fewest households a round of `positive` positive households traces as it says: two negative
 * households' workplace contacts per positive one, and two more households for the second ring.
 */
export function fewestHouseholds(positive: number): number {
  return 3 * positive + 2;
}

export async function runMassTestingRound(
  clients: { district: Clients; lab: Clients },
  options: RoundOptions,
): Promise<RoundSummary> {
  // Refused before anything is registered: with fewer, contacts would overlap and the round would
  // wait for classifications that cannot come.
  if (options.households < fewestHouseholds(options.positiveHouseholds))
    throw new Error(
      `${String(options.households)} households are too few for ${String(options.positiveHouseholds)} positive ones: ` +
        `at least ${String(fewestHouseholds(options.positiveHouseholds))}`,
    );
  const { district, lab } = clients;
  const timeout = options.timeoutMs ?? 60_000;
  const say = options.onProgress ?? (() => undefined);
  const between = options.between ?? (() => Promise.resolve());
  const { tag, districtCode } = options;
  const today = vietnamDay(new Date());
  const stepsMs: Record<string, number> = {};
  let stepStarted = Date.now();
  const step = async (name: string, line: string): Promise<void> => {
    stepsMs[name] = Date.now() - stepStarted;
    say(`  ${line} (${stepsMs[name]} ms)`);
    await between(name);
    stepStarted = Date.now();
  };

  // 0. A quarantine facility for the district's F1.
  await unaryCall(district.isolation, 'RegisterFacility', {
    facilityId: `ktx-${districtCode}-${tag}`,
    name: `Khu cách ly tập trung ${districtCode}-${tag}`,
    districtCode,
    accepts: ['centralized_quarantine'],
    capacity: options.quarantineBeds,
  });

  // 1. The district registers every household.
  const homes = householdsOf(options);
  const flat = homes.flat();
  const imported = await writeClientStream(
    district.registry,
    'ImportPersons',
    flat.map((p) => ({
      registerDespiteCandidates: true,
      details: {
        fullName: p.fullName,
        birthYear: 1940 + ((p.index * 37) % 75),
        phone: `09${tag}${String(p.index).padStart(5, '0')}`,
        address: { districtCode, wardCode: p.wardCode, hamlet: `Ấp ${1 + (p.household % 9)}` },
        householdId: `hh-${districtCode}-${tag}-${p.household}`,
        vaccinations: [
          ...(p.doses >= 1 ? [{ dose: 1, date: '2021-08-16', vaccine: 'AstraZeneca' }] : []),
          ...(p.doses >= 2 ? [{ dose: 2, date: '2021-10-04', vaccine: 'AstraZeneca' }] : []),
        ],
        comorbidities: [],
      },
    })),
  );
  const people: Person[] = flat.map((p, i) => {
    const outcome = imported.results[i]?.outcome;
    const personId = outcome?.registered?.personId ?? outcome?.existing?.personId;
    if (!personId) throw new Error(`person ${i} was not registered: ${JSON.stringify(imported.results[i])}`);
    return { ...p, personId };
  });
  const byHousehold = homes.map((home) => home.map((p) => people[p.index] as Person));
  await step('register', `registered ${people.length} people in ${homes.length} households`);

  // 2. One pooled tube per household, in the morning of the round.
  const swabbedAt = swabbedHoursAgo(3);
  const poolBarcode = (h: number) => `CT${tag}-H${String(h).padStart(5, '0')}`;
  const collected = await writeClientStream(
    district.collection,
    'CollectSamples',
    byHousehold.map((home, h) => ({
      barcode: poolBarcode(h),
      pooled: home.length > 1,
      personIds: home.map((p) => p.personId),
      collectedAt: swabbedAt,
      site: { districtCode, wardCode: home[0]?.wardCode ?? '', name: 'Điểm lấy mẫu nhà văn hóa' },
      reason: 'mass_testing',
      specimenType: 'nasopharyngeal',
    })),
  );
  if (collected.rejected > 0)
    throw new Error(`pools refused: ${JSON.stringify(collected.results.filter((r) => !r.sampleId))}`);
  const poolIds = collected.results.map((r) => r.sampleId);
  await step('collect', `swabbed ${people.length} people into ${poolIds.length} household pools`);

  // 3. Ship, accession and result a set of tubes (boxes of up to 200).
  const shipAndResult = async (tubes: Array<{ sampleId: string; barcode: string; positive: boolean }>) => {
    for (let from = 0; from < tubes.length; from += 200) {
      const box = tubes.slice(from, from + 200);
      const shipment = await unaryCall(district.shipments, 'DispatchShipment', {
        fromDistrictCode: districtCode,
        labId: 'lab-92',
        sampleIds: box.map((t) => t.sampleId),
      });
      await until(
        `box ${shipment.shipmentId} accessioned`,
        async () => {
          const accession = await unaryCall(lab.accessioning, 'AccessionShipment', {
            shipmentId: shipment.shipmentId,
            tubes: box.map((t) => ({ barcode: t.barcode })),
          }).catch(async (error: unknown) => {
            // Scanned already (a retry after a lost answer): read what it says.
            if ((error as { code?: number }).code === 9 || (error as { code?: number }).code === 6)
              return unaryCall(lab.accessioning, 'GetAccession', { shipmentId: shipment.shipmentId });
            throw error;
          });
          return accession.status === 'accessioned' ? accession : undefined;
        },
        timeout,
      );
      let pending = box;
      await until(
        'every result of the box recorded',
        async () => {
          const answer = await writeClientStream(
            lab.results,
            'RecordResults',
            pending.map((t) => resultReading(t.barcode, t.positive)),
          );
          const recorded = new Set(answer.results.filter((r) => r.recorded).map((r) => r.index));
          pending = pending.filter((_, i) => !recorded.has(i));
          return pending.length === 0 ? true : undefined;
        },
        timeout,
      );
    }
  };
  const positiveHomes = new Set(
    // Every n-th household: the first half clustered in one ward (households h ≡ 3 mod the ward
    // count live in the fourth ward), the rest shifted by one each time, so over the wards.
    Array.from({ length: options.positiveHouseholds }, (_, k) => {
      const nth = Math.floor((k * homes.length) / options.positiveHouseholds);
      const nthInWard = nth - (nth % options.wardCodes.length);
      return (k < options.positiveHouseholds / 2 ? nthInWard + 3 : nth + 1 + k) % homes.length;
    }),
  );
  await shipAndResult(
    poolIds.map((sampleId, h) => ({ sampleId, barcode: poolBarcode(h), positive: positiveHomes.has(h) })),
  );
  await step('results', `the lab resulted ${poolIds.length} pools: ${positiveHomes.size} positive`);

  // 4. The members of positive pools are on the district's worklist: swab each on their own.
  const suspects = [...positiveHomes].flatMap((h) => byHousehold[h] ?? []);
  await until(
    'the re-test orders of every positive pool member on the worklist',
    async () => {
      const list = await unaryCall(district.worklists, 'ListWorklist', { districtCode });
      const ordered = new Set(
        list.items.filter((i) => i.reason === 'pool_member_retest').map((i) => i.personId),
      );
      return suspects.every((p) => ordered.has(p.personId)) ? true : undefined;
    },
    timeout,
  );
  const retestBarcode = (p: Person) => `CT${tag}-R${String(p.index).padStart(5, '0')}`;
  const retests = await writeClientStream(
    district.collection,
    'CollectSamples',
    suspects.map((p) => ({
      barcode: retestBarcode(p),
      pooled: false,
      personIds: [p.personId],
      collectedAt: new Date().toISOString(),
      site: { districtCode, wardCode: p.wardCode, name: 'Trạm y tế' },
      reason: 'pool_member_retest',
      specimenType: 'nasopharyngeal',
    })),
  );
  if (retests.rejected > 0)
    throw new Error(`re-tests refused: ${JSON.stringify(retests.results.filter((r) => !r.sampleId))}`);
  // The first member of each positive household is the case; the rest of the household is negative.
  const index = [...positiveHomes].map((h) => byHousehold[h]?.[0] as Person);
  const isIndex = new Set(index.map((p) => p.personId));
  await shipAndResult(
    suspects.map((p, i) => ({
      sampleId: retests.results[i]?.sampleId ?? '',
      barcode: retestBarcode(p),
      positive: isIndex.has(p.personId),
    })),
  );
  await step('retests', `re-tested ${suspects.length} members of positive pools: ${index.length} positive`);

  // 5. case-graph makes them F0 and their households F1.
  const classificationOf = async (personId: string) =>
    (await unaryCall(district.cases, 'GetPerson', { personId })).classification;
  const householdF1 = [...positiveHomes].flatMap((h) => (byHousehold[h] ?? []).slice(1));
  await until(
    'every index case F0 and their households F1',
    async () => {
      const f0 = await Promise.all(index.map((p) => classificationOf(p.personId)));
      const f1 = await Promise.all(householdF1.map((p) => classificationOf(p.personId)));
      return f0.every((c) => c === 'F0') && f1.every((c) => c === 'F1') ? true : undefined;
    },
    timeout,
  );
  await step('cases', `${index.length} F0, ${householdF1.length} household members F1`);

  // 6. Tracing: two workplace contacts per case from negative households (F1), and two contacts
  //    of the first case's first workplace contact (F2).
  const negative = byHousehold.filter((_, h) => !positiveHomes.has(h));
  const workplace = index.map((_, k) =>
    [negative[2 * k]?.[0], negative[2 * k + 1]?.[0]].filter((p): p is Person => !!p),
  );
  for (const [k, f0] of index.entries()) {
    await unaryCall(district.contacts, 'RecordContacts', {
      personId: f0.personId,
      contacts: (workplace[k] ?? []).map((c) => ({
        personId: c.personId,
        contactType: 'workplace',
        lastExposureOn: addDays(today, -1),
      })),
    });
  }
  const cascade = workplace[0]?.[0];
  if (!cascade) throw new Error('the round needs at least two negative households per positive one');
  const secondRing = [negative[negative.length - 1]?.[0], negative[negative.length - 2]?.[0]].filter(
    (p): p is Person => !!p,
  );
  await unaryCall(district.contacts, 'RecordContacts', {
    personId: cascade.personId,
    contacts: secondRing.map((c) => ({
      personId: c.personId,
      contactType: 'same_room',
      lastExposureOn: today,
    })),
  });
  const workplaceF1 = workplace.flat();
  await until(
    'the workplace contacts F1 and their contacts F2',
    async () => {
      const f1 = await Promise.all(workplaceF1.map((p) => classificationOf(p.personId)));
      const f2 = await Promise.all(secondRing.map((p) => classificationOf(p.personId)));
      return f1.every((c) => c === 'F1') && f2.every((c) => c === 'F2') ? true : undefined;
    },
    timeout,
  );
  await step(
    'tracing',
    `${workplaceF1.length} workplace contacts F1, ${secondRing.length} of their contacts F2`,
  );

  // 7. The first workplace contact's follow-up test (day 1, from the worklist) is positive: an F0
  //    found in quarantine; their household becomes F1, and so do their own contacts.
  const followUp = await until(
    `the follow-up test of ${cascade.personId} on the worklist`,
    async () => {
      const list = await unaryCall(district.worklists, 'ListWorklist', { districtCode });
      return list.items.find((i) => i.personId === cascade.personId && i.reason === 'f1_follow_up');
    },
    timeout,
  );
  const followBarcode = `CT${tag}-F${String(cascade.index).padStart(5, '0')}`;
  const followSample = await unaryCall(district.collection, 'CollectSample', {
    barcode: followBarcode,
    pooled: false,
    personIds: [cascade.personId],
    collectedAt: new Date().toISOString(),
    site: { districtCode, wardCode: cascade.wardCode, name: 'Khu cách ly' },
    reason: 'follow_up_order',
    specimenType: 'nasopharyngeal',
  });
  await shipAndResult([{ sampleId: followSample.sampleId, barcode: followBarcode, positive: true }]);
  const cascadeHousehold = (byHousehold[cascade.household] ?? []).filter(
    (p) => p.personId !== cascade.personId,
  );
  await until(
    `${cascade.personId} F0, their household and contacts F1`,
    async () => {
      const self = await classificationOf(cascade.personId);
      const moved = await Promise.all(
        [...cascadeHousehold, ...secondRing].map((p) => classificationOf(p.personId)),
      );
      return self === 'F0' && moved.every((c) => c === 'F1') ? true : undefined;
    },
    timeout,
  );
  await step(
    'cascade',
    `follow-up test (order ${followUp.orderId}) positive: ${cascade.personId} is F0 (found in quarantine); ` +
      `${cascadeHousehold.length + secondRing.length} people moved up to F1`,
  );

  const f1 = [
    ...householdF1,
    ...workplaceF1.filter((p) => p !== cascade),
    ...cascadeHousehold,
    ...secondRing,
  ];
  return {
    people: people.length,
    households: homes.length,
    vaccinated: {
      atLeastOneDose: people.filter((p) => p.doses >= 1).length,
      fullyVaccinated: people.filter((p) => p.doses >= 2).length,
      doses: people.reduce((n, p) => n + p.doses, 0),
    },
    tubes: {
      pools: poolIds.length,
      individual: suspects.length + 1,
      positive: positiveHomes.size + index.length + 1,
    },
    cases: { community: index.map((p) => p.personId), quarantine: [cascade.personId] },
    f1: f1.map((p) => p.personId),
    f2: [],
    cascadePersonId: cascade.personId,
    firstCasePersonId: index[0]?.personId ?? '',
    quarantineBeds: options.quarantineBeds,
    names: new Map(people.map((p) => [p.personId, p.fullName])),
    stepsMs,
  };
}

/**
 * When a round's tubes were swabbed: `hours` ago, but never before midnight in Vietnam, so they
 * count on the day the report is read (a round run just after midnight would otherwise put its
 * swabs on the day before).
 */
export function swabbedHoursAgo(hours: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const midnight = Date.parse(`${today}T00:00:00+07:00`);
  return new Date(Math.max(Date.now() - hours * 3_600_000, midnight)).toISOString();
}
