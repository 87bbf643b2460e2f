/**
 * One suite for both implementations of case-graph's storage queries: MongoDB (FerretDB in CI)
 * and in memory. Each query has a filter and a predicate side by side; this suite holds them to
 * the same answers.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { defaultTracingRuleBook } from '@truyvet/rules';
import type { AggregateStore, KeyIndex } from '@truyvet/store';
import type { DirectoryEntry, WaitingEntry } from '../app/ports';
import { decideContacts, decideExposures, decideResult, type PersonResult } from '../domain/record';
import type { TracingTask } from '../domain/tasks';
import { newRecord, type TracingRecord } from '../domain/types';
import type { Documents, States } from './documents';
import { personDirectory, recordQueries, taskQueries, waitingQueries } from './queries';

export interface QueryParts {
  records: AggregateStore<TracingRecord> & { states: States<TracingRecord> };
  tasks: AggregateStore<TracingTask> & { states: States<TracingTask> };
  waiting: AggregateStore<WaitingEntry> & { states: States<WaitingEntry> };
  directory: Documents<DirectoryEntry>;
  households: KeyIndex;
}

export function describeQueryContract(name: string, make: () => Promise<QueryParts>): void {
  describe(`case-graph queries (${name})`, () => {
    let parts: QueryParts;
    const rules = defaultTracingRuleBook();
    const ctx = { rules, now: new Date('2021-11-08T10:00:00+07:00'), nextVersion: 2 };
    const area = { districtCode: '918', wardCode: '31168' };
    const person = {
      birthYear: 1980,
      districtCode: '918',
      wardCode: '31168',
      householdId: 'hh-q',
      vaccinations: [],
      comorbidities: [],
    };
    const positive: PersonResult = {
      resultId: 'r-q1',
      sampleId: 's-q1',
      method: 'rt_pcr',
      outcome: 'positive',
      collectedAt: '2021-11-07T08:00:00+07:00',
      resultedAt: '2021-11-08T09:00:00+07:00',
      siteDistrictCode: '918',
    };

    beforeAll(async () => {
      parts = await make();
      const f0 = decideContacts(
        decideResult(newRecord('q-a', area, person), positive, ctx).state,
        [{ contactPersonId: 'q-b', contactType: 'household', lastExposureOn: '2021-11-08' }],
        { via: 'household', recordedBy: 'x' },
        ctx,
      ).decision.state;
      const f1 = decideExposures(
        newRecord('q-b', { districtCode: '916', wardCode: '31117' }),
        f0.contacts.map((contact) => ({
          contact,
          sourcePersonId: 'q-a',
          source: f0.classification,
          sourceVersion: 1,
        })),
        ctx,
      ).state;
      const laterCase = decideResult(f1, { ...positive, resultId: 'r-q2', sampleId: 's-q2' }, ctx).state;
      await parts.records.saveMany([
        { id: 'q-a', expectedVersion: 0, state: f0, events: [] },
        { id: 'q-b', expectedVersion: 0, state: laterCase, events: [] },
        { id: 'q-c', expectedVersion: 0, state: newRecord('q-c', area), events: [] },
      ]);
      const task = (id: string, status: TracingTask['status'], wardCode: string): TracingTask => ({
        taskId: id,
        kind: 'call_contact',
        status,
        districtCode: '918',
        wardCode,
        createdAt: '',
        dueAt: '',
        history: [],
      });
      await parts.tasks.saveMany([
        { id: 't1', expectedVersion: 0, state: task('t1', 'open', '31168'), events: [] },
        { id: 't2', expectedVersion: 0, state: task('t2', 'done', '31168'), events: [] },
        { id: 't3', expectedVersion: 0, state: task('t3', 'open', '31169'), events: [] },
      ]);
      const waiting = (id: string, since: string, status: WaitingEntry['status']): WaitingEntry => ({
        orderId: id,
        personId: id,
        need: 'centralized_quarantine',
        since,
        status,
      });
      await parts.waiting.saveMany([
        { id: 'w2', expectedVersion: 0, state: waiting('w2', '2021-11-08T02:00:00Z', 'waiting'), events: [] },
        { id: 'w1', expectedVersion: 0, state: waiting('w1', '2021-11-08T01:00:00Z', 'waiting'), events: [] },
        { id: 'w3', expectedVersion: 0, state: waiting('w3', '2021-11-08T00:00:00Z', 'placed'), events: [] },
      ]);
    }, 60_000);

    const ids = (records: readonly TracingRecord[]): string[] => records.map((r) => r.personId).sort();

    it('finds cases by area and status', async () => {
      const q = recordQueries(parts.records.states);
      expect(ids(await q.casesIn({ districtCode: '918' }))).toEqual(['q-a']);
      expect(ids(await q.casesIn({}))).toEqual(['q-a', 'q-b']);
      expect(ids(await q.casesIn({ districtCode: '916', wardCode: '31117' }, 'active'))).toEqual(['q-b']);
      expect(ids(await q.casesIn({}, 'recovered'))).toEqual([]);
    });

    it('finds isolated people, household cases, releases due, who infected whom and clusters', async () => {
      const q = recordQueries(parts.records.states);
      expect(ids(await q.isolatedIn({ districtCode: '918' }))).toEqual(['q-a']);
      expect(ids(await q.dueForRelease('2021-11-30'))).toEqual([]);
      expect(ids(await q.infectedBy(['q-a']))).toEqual(['q-b']);
      expect(ids(await q.inCluster('q-a/case1'))).toEqual(['q-a', 'q-b']);
    });

    it('lists tasks of an area by status, and waiting orders oldest first', async () => {
      const tasks = taskQueries(parts.tasks.states);
      const found = await tasks.inArea(
        { districtCode: '918', wardCode: '31168' },
        { statuses: ['open', 'claimed'] },
      );
      expect(found.map((t) => t.taskId)).toEqual(['t1']);
      expect(
        (await tasks.inArea({ districtCode: '918' }, { statuses: ['open'] })).map((t) => t.taskId).sort(),
      ).toEqual(['t1', 't3']);
      expect((await waitingQueries(parts.waiting.states).waiting()).map((w) => w.id)).toEqual(['w1', 'w2']);
    });

    it('keeps the directory: insert once, replace, household members without merged ones', async () => {
      const directory = personDirectory(parts.directory, parts.households);
      const details = {
        fullName: 'Nguyễn Văn Q',
        birthYear: 1980,
        address: { districtCode: '918', wardCode: '31168' },
        householdId: 'hh-dir',
        vaccinations: [],
        comorbidities: [],
      };
      expect(await directory.add({ _id: 'd1', details })).toBe(true);
      expect(await directory.add({ _id: 'd1', details })).toBe(false);
      await directory.add({ _id: 'd2', details });
      await directory.put({ _id: 'd2', details, mergedInto: 'd1' });
      expect((await directory.get('d2'))?.mergedInto).toBe('d1');
      expect([...(await directory.getMany(['d1', 'd2', 'nobody'])).keys()].sort()).toEqual(['d1', 'd2']);
      expect((await directory.householdMembers('hh-dir')).map((m) => m._id)).toEqual(['d1']);
    });
  });
}
