import { describe, expect, it } from '@jest/globals';
import {
  connectMongo,
  indexedStore,
  KeyIndex,
  MongoAggregateStore,
  VersionHeldError,
  type KeyIndexState,
} from '@truyvet/store';
import { describeWithInfra, uniqueName } from '../../../../test/harness';
import { MongoPersonDirectory, PERSONS } from '../adapters/mongo-directory';
import type { PersonDetails, PersonState, RegisterPerson } from '../domain/registration';
import { IndexedPersonDirectory, PERSONS_BY_KEY, personKeys } from './person-index';
import { PersonRegistry } from './person-registry';

const household = (n: number): RegisterPerson[] =>
  Array.from({ length: n }, (_, i) => {
    const details: PersonDetails = {
      fullName: `Trần Văn ${String.fromCharCode(65 + i)}`,
      birthYear: 1960 + i,
      phone: `09120100${String(i).padStart(2, '0')}`,
      address: { districtCode: '916', wardCode: '31117' },
      householdId: 'hh-cut-off',
      vaccinations: [],
      comorbidities: [],
    };
    return { details, registerDespiteCandidates: true, registeredBy: 'ttyt-ninh-kieu' };
  });

describeWithInfra('the person registry on FerretDB, an import cut off mid-save', (infra) => {
  describe('registerPersons sent again after the store went away between the markers and the commits', () => {
    it('never answers with an id nobody can load: "send again" until the attempt is taken over, then every person is found', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('registry-cut-off'));
      try {
        const store = new MongoAggregateStore<PersonState>(conn.db, PERSONS, undefined, undefined, {
          abandonedAfterMs: 2_000,
        });
        // Wired as start.ts wires it: persons filed under their lookup keys, found through them.
        const index = new KeyIndex(new MongoAggregateStore<KeyIndexState>(conn.db, PERSONS_BY_KEY));
        const registry = new PersonRegistry(
          indexedStore(store, index, personKeys),
          new IndexedPersonDirectory(index, store, new MongoPersonDirectory(store)),
          'test-person-id-secret',
        );
        const requests = household(6).map((command) => ({ command }));
        // The first attempt: markers in, then the store is gone before the commits.
        const insertMany = store.commits.insertMany.bind(store.commits);
        store.commits.insertMany = () => Promise.reject(new Error('connection reset by the store'));
        await expect(registry.registerPersons(requests)).rejects.toThrow('connection reset');
        store.commits.insertMany = insertMany;

        // Sent again at once: the markers are still young, so it says to send again (it used to
        // answer "existing" with the ids of persons that were never saved).
        await expect(registry.registerPersons(requests)).rejects.toBeInstanceOf(VersionHeldError);

        // Sent again once the first attempt's markers are abandoned (known to this writer for a
        // while, by its own clock): registered, and loadable.
        await new Promise((resolve) => setTimeout(resolve, 2_100));
        const answers = await registry.registerPersons(requests);
        const ids = answers.map((a) => ('personId' in a ? a.personId : ''));
        expect(answers.map((a) => a.outcome)).toEqual(Array(6).fill('registered'));
        expect((await store.loadMany(ids)).size).toBe(6);
        // And a further repeat knows them all.
        const again = await registry.registerPersons(requests);
        expect(again.map((a) => a.outcome)).toEqual(Array(6).fill('existing'));
        expect(again.map((a) => ('personId' in a ? a.personId : ''))).toEqual(ids);
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });
});
