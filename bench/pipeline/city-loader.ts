/**
 * Loads a generated city into the services' databases as the registry's household lists would
 * leave it, without going through the API (1.2 million people through `ImportPersons` would take
 * hours here): for each person the documents a registration leaves once its event is consumed
 * everywhere, i.e.
 *
 * - sample-collection: the person's head (`persons`) and its lookup keys (`persons_by_key`);
 * - case-graph: the directory entry (`directory`) and the household's members (`household_members`);
 * - reporting: the person fact (`facts.persons`: ward and vaccination dates) and, per ward, the
 *   dose tally of all the loaded people (`facts.doseTallies`, the vaccination figures' source);
 *
 * built with the services' own functions (the person id from the registry's secret, the
 * registration state, the lookup keys, the reporting fold), written with the driver in unordered
 * `insertMany` batches, the three databases side by side, and each key index marked as built so
 * that no service scans at start. The services' own index declarations on the loaded collections
 * are then created, once, on the full collections (a service creating them at start would not be
 * serving for minutes). Heads only: a commit is the history of a change made through a
 * service, and a loaded person has none (a later change is version 2, and its commit the first).
 * No events: the loaded city is the registry as it stood before the run, not something that
 * happens during it.
 */
import { createEvent, PersonRegisteredV1 } from '@truyvet/events';
import { DIRECTORY, HOUSEHOLD_MEMBERS } from '@truyvet/case-graph';
import {
  addDoses,
  personRegistered,
  reportingIndexes,
  type DoseTally,
  type PersonFact,
} from '@truyvet/reporting';
import {
  decideRegistration,
  newPersonId,
  PERSONS,
  PERSONS_BY_KEY,
  personIndexes,
  personKeys,
} from '@truyvet/sample-collection';
import { applyIndexes, connectMongo, KEY_INDEX_BUILT } from '@truyvet/store';
import type { Db, Document } from 'mongodb';
import { personDetailsOf, type Household } from '../../scripts/scenario/city';

const BATCH = 2_000;

/** Documents waiting for one collection, written a batch at a time. */
class CollectionWriter {
  private docs: Document[] = [];
  written = 0;
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly name: string,
  ) {}

  async add(doc: Document): Promise<void> {
    this.docs.push(doc);
    if (this.docs.length >= BATCH) await this.flush();
  }

  /** One batch in flight per collection; the next is built meanwhile. */
  async flush(): Promise<void> {
    const docs = this.docs;
    this.docs = [];
    await this.last;
    if (docs.length === 0) return;
    this.last = this.db
      .collection(this.name)
      .insertMany(docs, { ordered: false })
      .then(() => {
        this.written += docs.length;
      });
  }

  async close(): Promise<void> {
    await this.flush();
    await this.last;
  }
}

export interface CityLoad {
  persons: number;
  households: number;
  documents: number;
  seconds: number;
  /** Of which creating the services' indexes on the loaded collections. */
  indexSeconds: number;
}

export async function loadCity(options: {
  mongoUri: string;
  /** The services' databases are `<prefix>-<service>`. */
  databasePrefix: string;
  /** The registry's PERSON_ID_SECRET: the ids must be those the registry would give. */
  personIdSecret: string;
  households: Iterable<Household>;
  progress?: (line: string) => void;
}): Promise<CityLoad> {
  const started = Date.now();
  const mongo = await connectMongo(options.mongoUri, `${options.databasePrefix}-sample-collection`);
  const db = (service: string) => mongo.client.db(`${options.databasePrefix}-${service}`);
  const at = new Date();
  const persons = new CollectionWriter(db('sample-collection'), PERSONS);
  const keys = new CollectionWriter(db('sample-collection'), PERSONS_BY_KEY);
  const directory = new CollectionWriter(db('case-graph'), DIRECTORY);
  const members = new CollectionWriter(db('case-graph'), HOUSEHOLD_MEMBERS);
  const facts = new CollectionWriter(db('reporting'), 'facts.persons');
  const writers = [persons, keys, directory, members, facts];
  const tallies = new Map<string, DoseTally>();
  // A key shared by several people is one document with all their ids.
  const byKey = new Map<string, string[]>();
  let people = 0;
  let homes = 0;
  let indexSeconds = 0;
  try {
    for (const home of options.households) {
      homes++;
      const ids: string[] = [];
      const householdKeys = new Map<string, string[]>();
      for (const member of home.members) {
        const details = personDetailsOf(home, member);
        const personId = newPersonId(details, options.personIdSecret);
        const registration = decideRegistration(
          { details, registeredBy: 'registry-import', registerDespiteCandidates: true },
          [],
          () => personId,
          at,
        );
        if (registration.outcome !== 'registered') continue;
        ids.push(personId);
        await persons.add({ _id: personId, v: 1, state: registration.state, at });
        for (const key of personKeys(registration.state)) {
          // Name + birth year is shared across the city; the other keys stay within one household.
          const shared = key.startsWith('nb:') ? byKey : householdKeys;
          shared.set(key, [...(shared.get(key) ?? []), personId]);
        }
        await directory.add({ _id: personId, details });
        const fact = personRegistered(
          createEvent(PersonRegisteredV1, { personId, details, registeredBy: 'registry-import' }),
        ).evolve(null) as PersonFact | null;
        if (fact) {
          await facts.add(fact);
          let tally = tallies.get(fact.wardCode);
          if (!tally)
            tallies.set(
              fact.wardCode,
              (tally = {
                _id: `${fact.wardCode}|registry-import`,
                districtCode: fact.districtCode,
                wardCode: fact.wardCode,
                byDate: {},
              }),
            );
          addDoses(tally.byDate, fact.doseDates, 1);
        }
        people++;
      }
      for (const [key, keyIds] of householdKeys)
        await keys.add({ _id: key, v: 1, state: { ids: keyIds }, at });
      await members.add({ _id: home.id, v: 1, state: { ids }, at });
      if (homes % 50_000 === 0)
        options.progress?.(
          `  city: ${people.toLocaleString('en')} people in ${homes.toLocaleString('en')} households`,
        );
    }
    for (const [key, ids] of byKey) await keys.add({ _id: key, v: 1, state: { ids }, at });
    for (const index of [keys, members])
      await index.add({ _id: KEY_INDEX_BUILT, v: 1, state: { ids: [] }, at });
    await Promise.all(writers.map((w) => w.close()));
    await db('reporting')
      .collection<DoseTally>('facts.doseTallies')
      .insertMany([...tallies.values()]);
    options.progress?.(
      `  city: ${people.toLocaleString('en')} people written; creating the services' indexes`,
    );
    const indexStarted = Date.now();
    await Promise.all([
      applyIndexes(db('sample-collection'), [personIndexes]),
      applyIndexes(db('reporting'), reportingIndexes),
    ]);
    indexSeconds = Math.round((Date.now() - indexStarted) / 100) / 10;
  } finally {
    await mongo.close();
  }
  return {
    persons: people,
    households: homes,
    documents: writers.reduce((n, w) => n + w.written, 0),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    indexSeconds,
  };
}
