import { describe, expect, it } from '@jest/globals';
import { DEV_SIGNING_KEY, type Caller } from '@truyvet/grpc';
import { GrpcPersonApi, type PersonSummary } from './persons';

const ward = (code: string): Caller => ({
  sub: `tyt-${code}`,
  role: 'ward_team',
  jurisdiction: { level: 'ward', code },
});

const person = (personId: string): PersonSummary => ({
  personId,
  fullName: `Người ${personId}`,
  birthYear: 1980,
  phone: '',
  householdId: '',
  districtCode: '919',
  wardCode: '31186',
  hamlet: '',
  street: '',
});

/** The registry API with the registry's answers made up: who each area may read, and a registry that fails. */
class MadeUpRegistry extends GrpcPersonApi {
  asked: string[] = [];
  down = false;
  constructor(private readonly readable: Record<string, readonly string[]>) {
    super('127.0.0.1:9', DEV_SIGNING_KEY); // never dialled: person() is made up below
  }
  override person(caller: Caller, personId: string): Promise<PersonSummary | undefined> {
    this.asked.push(`${caller.jurisdiction.code}|${personId}`);
    if (this.down) return Promise.reject(new Error('14 UNAVAILABLE'));
    return Promise.resolve(
      this.readable[caller.jurisdiction.code]?.includes(personId) ? person(personId) : undefined,
    );
  }
}

describe("a list's names", () => {
  it('asks the registry once per area and person for a while, and keeps areas apart', async () => {
    const api = new MadeUpRegistry({ '31186': ['p-1', 'p-2'], '31189': ['p-3'] });
    const first = await api.names(ward('31186'), ['p-1', 'p-2', 'p-3', 'p-1']);
    expect([...first.keys()].sort()).toEqual(['p-1', 'p-2']);
    expect(api.asked).toEqual(['31186|p-1', '31186|p-2', '31186|p-3']);
    // Polled again: nothing asked, the same names (and still none for the unreadable one).
    const again = await api.names(ward('31186'), ['p-1', 'p-2', 'p-3']);
    expect([...again.keys()].sort()).toEqual(['p-1', 'p-2']);
    expect(api.asked).toHaveLength(3);
    // Another area asks for itself: what one ward may read says nothing of another's.
    const other = await api.names(ward('31189'), ['p-1', 'p-3']);
    expect([...other.keys()]).toEqual(['p-3']);
    api.close();
  });

  it('leaves names out when the registry does not answer, and asks again next time', async () => {
    const api = new MadeUpRegistry({ '31186': ['p-1'] });
    api.down = true;
    expect((await api.names(ward('31186'), ['p-1'])).size).toBe(0);
    api.down = false;
    expect([...(await api.names(ward('31186'), ['p-1'])).keys()]).toEqual(['p-1']);
    expect(api.asked).toEqual(['31186|p-1', '31186|p-1']);
    api.close();
  });
});
