/**
 * A synthetic Can Tho, reproducible from a seed: households of 1-6 people spread over the city's
 * wards in proportion to their 2019 census population, each with names, a birth year, a phone and
 * the registry's vaccination data. The pipeline benchmark and the fault suite draw their samples
 * from it. Households come out interleaved across the city, so any prefix is a city-wide sample.
 */
import { canThoAdminUnits } from '@truyvet/geo';

export interface CityPerson {
  /** Position in the city (0-based), unique: it makes phones and barcodes unique. */
  index: number;
  fullName: string;
  birthYear: number;
  phone: string;
  doses: number;
}

export interface Household {
  index: number;
  id: string;
  districtCode: string;
  wardCode: string;
  hamlet: string;
  members: CityPerson[];
}

/** mulberry32: small, fast and good enough to make a reproducible city. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Hoàng', 'Thanh', 'Quốc', 'Kim'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hạnh', 'Hoa', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phúc', 'Tâm'];
// Household sizes 1..6, roughly as the 2019 census found them in the Mekong delta.
const SIZE_WEIGHTS = [0.1, 0.2, 0.22, 0.25, 0.14, 0.09];

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length) % list.length] as T;

/**
 * The households of a city of about `persons` people (the last household may overshoot by a few).
 * Same seed, same city.
 */
export function* cityHouseholds(seed: number, persons: number): Generator<Household> {
  const random = seededRandom(seed);
  const wards = canThoAdminUnits().wards();
  const total = wards.reduce((n, w) => n + w.population, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const ward of wards) cumulative.push((sum += ward.population / total));
  const wardAt = (r: number) => {
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 1) < r) lo = mid + 1;
      else hi = mid;
    }
    return wards[lo] ?? wards[0];
  };
  let person = 0;
  for (let h = 0; person < persons; h++) {
    const ward = wardAt(random());
    if (!ward?.parentCode) continue;
    let r = random();
    let size = 1;
    for (const weight of SIZE_WEIGHTS) {
      if ((r -= weight) <= 0) break;
      size++;
    }
    size = Math.min(size, SIZE_WEIGHTS.length);
    const family = pick(FAMILY, random());
    const members = Array.from({ length: size }, () => {
      const index = person++;
      const draw = random();
      return {
        index,
        fullName: `${family} ${pick(MIDDLE, random())} ${pick(GIVEN, random())}`,
        birthYear: 1935 + Math.floor(random() * 85),
        // 10 digits, unique per person of the city (up to 100 million).
        phone: `0${String(300_000_000 + index).padStart(9, '0')}`,
        // Six in ten fully vaccinated, two in ten one dose, the rest none (late 2021).
        doses: draw < 0.6 ? 2 : draw < 0.8 ? 1 : 0,
      };
    });
    yield {
      index: h,
      id: `hh-${ward.code}-${h}`,
      districtCode: ward.parentCode,
      wardCode: ward.code,
      hamlet: `Khu vực ${1 + Math.floor(random() * 9)}`,
      members,
    };
  }
}

/** Counts of a generated city by district (for the benchmark's header). */
export function describeCity(seed: number, persons: number) {
  const byDistrict = new Map<string, { households: number; persons: number }>();
  let households = 0;
  let people = 0;
  for (const home of cityHouseholds(seed, persons)) {
    households++;
    people += home.members.length;
    const d = byDistrict.get(home.districtCode) ?? { households: 0, persons: 0 };
    d.households++;
    d.persons += home.members.length;
    byDistrict.set(home.districtCode, d);
  }
  return { households, persons: people, byDistrict };
}

/** A person's details as a district registers them (the registry's import and the city loader alike). */
export function personDetailsOf(home: Household, person: CityPerson) {
  return {
    fullName: person.fullName,
    birthYear: person.birthYear,
    phone: person.phone,
    address: { districtCode: home.districtCode, wardCode: home.wardCode, hamlet: home.hamlet },
    householdId: home.id,
    vaccinations: [
      ...(person.doses >= 1 ? [{ dose: 1, date: '2021-08-16', vaccine: 'AstraZeneca' }] : []),
      ...(person.doses >= 2 ? [{ dose: 2, date: '2021-10-04', vaccine: 'AstraZeneca' }] : []),
    ],
    comorbidities: [] as string[],
  };
}
