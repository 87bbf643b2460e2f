/**
 * The pipeline as people drive it, through grpcurl only: a district center registers a household
 * and swabs one of them, ships the tube; the CDC lab accessions it and records a positive; the
 * ward team finds the F0, the household in quarantine with follow-up tests on the district's
 * worklist, records a contact, works its queue and reads the chain. sample-collection, lab-results
 * and case-graph run here on the real Kafka and FerretDB, each with its own database.
 */
import { ON_A_TEST_MACHINE } from '../harness/one-machine';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KafkaBus } from '@truyvet/bus';
import { configSchema as caseGraphConfig, start as startCaseGraph } from '@truyvet/case-graph';
import { topics } from '@truyvet/events';
import { DEV_SIGNING_KEY, issueToken, type Caller } from '@truyvet/grpc';
import { configSchema as labConfig, start as startLab } from '@truyvet/lab-results';
import { addDays, vietnamDay } from '@truyvet/rules';
import { configSchema as samplesConfig, start as startSamples } from '@truyvet/sample-collection';
import { connectMongo } from '@truyvet/store';
import { describeWithInfra, eventually, uniqueName, waitForCatchUp } from '../harness';

const run = promisify(execFile);
const grpcurl = process.env.GRPCURL;
if (!grpcurl && process.env.REQUIRE_INFRA === '1')
  throw new Error('REQUIRE_INFRA=1 but GRPCURL is not set (deploy/local/tools.sh grpcurl)');

const DISTRICT = '919';
const WARD = '31186';
const CENTER: Caller = {
  sub: 'ttyt-cai-rang',
  role: 'district_center',
  jurisdiction: { level: 'district', code: DISTRICT },
};
const LAB: Caller = { sub: 'ktv-cdc', role: 'lab', jurisdiction: { level: 'city', code: '92' } };
const WARD_TEAM: Caller = {
  sub: 'to-covid-le-binh',
  role: 'ward_team',
  jurisdiction: { level: 'ward', code: WARD },
};

describeWithInfra('the pipeline through grpcurl', (infra) => {
  (grpcurl ? describe : describe.skip)(
    'register -> swab -> ship -> result -> F0 -> household F1 -> tracing',
    () => {
      const dbs = {
        samples: uniqueName('pipe-samples'),
        lab: uniqueName('pipe-lab'),
        cases: uniqueName('pipe-cases'),
      };
      const bus = new KafkaBus({ brokers: infra.kafkaBrokers, clientId: 'pipeline-test' });
      const running: Array<{ grpcPort: number; stop(): Promise<void> }> = [];
      const ports = { samples: 0, lab: 0, cases: 0 };
      const tokens = new Map<string, string>();
      const tag = String(1000 + Math.floor(Math.random() * 9000));

      beforeAll(async () => {
        const common = {
          TRUYVET_MODE: 'real',
          KAFKA_BROKERS: infra.kafkaBrokers.join(','),
          MONGODB_URI: infra.mongoUri,
          ...ON_A_TEST_MACHINE,
          GRPC_HOST: '127.0.0.1',
          GRPC_PORT: 0,
          LOG_LEVEL: 'fatal',
        };
        const samples = await startSamples(
          samplesConfig.parse({
            ...common,
            MONGODB_DB: dbs.samples,
            PERSON_ID_SECRET: 'pipeline-test-person-ids',
          }),
          {
            bus,
          },
        );
        const lab = await startLab(labConfig.parse({ ...common, MONGODB_DB: dbs.lab }), { bus });
        const cases = await startCaseGraph(
          caseGraphConfig.parse({ ...common, MONGODB_DB: dbs.cases, RELEASE_SWEEP_MS: 0 }),
          { bus },
        );
        running.push(samples, lab, cases);
        Object.assign(ports, { samples: samples.grpcPort, lab: lab.grpcPort, cases: cases.grpcPort });
        for (const caller of [CENTER, LAB, WARD_TEAM])
          tokens.set(caller.sub, await issueToken(DEV_SIGNING_KEY, caller));
        // What earlier suites left on the shared topics is read first, so the timing below is ours.
        const all = [
          topics.persons.topic,
          topics.samples.topic,
          topics.shipments.topic,
          topics.labResults.topic,
          topics.cases.topic,
          topics.isolation.topic,
          topics.testOrders.topic,
        ];
        await Promise.all([
          waitForCatchUp(
            infra.kafkaBrokers,
            'sample-collection',
            all.filter((t) => t !== topics.persons.topic && t !== topics.isolation.topic),
          ),
          waitForCatchUp(infra.kafkaBrokers, 'lab-results', [
            topics.samples.topic,
            topics.shipments.topic,
            topics.labResults.topic,
          ]),
          waitForCatchUp(infra.kafkaBrokers, 'case-graph', [
            topics.persons.topic,
            topics.labResults.topic,
            topics.cases.topic,
            topics.isolation.topic,
          ]),
        ]);
      }, 660_000);

      afterAll(async () => {
        for (const r of running.reverse()) await r.stop();
        await bus.close();
        for (const db of Object.values(dbs)) {
          const mongo = await connectMongo(infra.mongoUri, db);
          await mongo.db.dropDatabase();
          await mongo.close();
        }
      });

      async function call<T>(caller: Caller, port: number, method: string, body: unknown): Promise<T> {
        const { stdout } = await run(grpcurl ?? 'grpcurl', [
          '-plaintext',
          '-emit-defaults',
          '-H',
          `authorization: Bearer ${tokens.get(caller.sub) ?? ''}`,
          '-d',
          JSON.stringify(body),
          `127.0.0.1:${port}`,
          method,
        ]);
        return JSON.parse(stdout) as T;
      }

      interface PersonRecord {
        classification: string;
        orders: Array<{ kind: string; tests: Array<{ day: number }> }>;
        cases: Array<{ caseId: string; foundIn: string }>;
      }

      it('turns a positive result into an F0 whose household is in quarantine with test orders on the worklist', async () => {
        const register = async (name: string, birthYear: number): Promise<string> => {
          const answer = await call<{ registered?: { personId: string }; existing?: { personId: string } }>(
            CENTER,
            ports.samples,
            'truyvet.samples.v1.PersonRegistry/RegisterPerson',
            {
              details: {
                fullName: `${name} ${tag}`,
                birthYear,
                phone: `09${tag}${String(birthYear).slice(-4)}`,
                address: { districtCode: DISTRICT, wardCode: WARD, hamlet: 'Khu vực 1' },
                householdId: `hh-pipe-${tag}`,
              },
            },
          );
          const id = answer.registered?.personId ?? answer.existing?.personId;
          if (!id) throw new Error(`not registered: ${JSON.stringify(answer)}`);
          return id;
        };
        const f0 = await register('Nguyễn Văn Hùng', 1979);
        const wife = await register('Trần Thị Mai', 1982);
        const son = await register('Nguyễn Văn Tâm', 2008);
        const colleague = await call<{ registered?: { personId: string } }>(
          CENTER,
          ports.samples,
          'truyvet.samples.v1.PersonRegistry/RegisterPerson',
          {
            details: {
              fullName: `Lê Văn Bình ${tag}`,
              birthYear: 1990,
              phone: `08${tag}1990`,
              address: { districtCode: DISTRICT, wardCode: WARD },
            },
          },
        );
        const barcode = `CT919-P${tag}`;
        const sample = await call<{ sampleId: string }>(
          CENTER,
          ports.samples,
          'truyvet.samples.v1.SampleCollection/CollectSample',
          {
            barcode,
            personIds: [f0],
            collectedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
            site: { districtCode: DISTRICT, wardCode: WARD, name: 'Trạm y tế Lê Bình' },
            reason: 'symptoms',
            specimenType: 'nasopharyngeal',
          },
        );
        const shipment = await call<{ shipmentId: string }>(
          CENTER,
          ports.samples,
          'truyvet.samples.v1.Shipments/DispatchShipment',
          {
            fromDistrictCode: DISTRICT,
            labId: 'lab-92',
            sampleIds: [sample.sampleId],
          },
        );
        await eventually('the box accessioned', async () => {
          const accession = await call<{ status: string }>(
            LAB,
            ports.lab,
            'truyvet.lab.v1.Accessioning/AccessionShipment',
            {
              shipmentId: shipment.shipmentId,
              tubes: [{ barcode }],
            },
          );
          return accession.status === 'accessioned' ? accession : undefined;
        });
        let resulted = Date.now();
        await eventually('the result recorded', async () => {
          resulted = Date.now();
          return call<{ outcome: string }>(LAB, ports.lab, 'truyvet.lab.v1.Results/RecordResult', {
            barcode,
            method: 'rt_pcr',
            kitId: 'allplex-2019-ncov',
            ctValues: { E: 19.5, N: 21.2 },
          });
        });
        const getPerson = (personId: string) =>
          call<PersonRecord>(WARD_TEAM, ports.cases, 'truyvet.cases.v1.Cases/GetPerson', { personId });
        const f1s = await eventually('the household in quarantine', async () => {
          const records = await Promise.all([wife, son].map(getPerson));
          return records.every((r) => r.classification === 'F1' && r.orders[0]?.tests.length === 3)
            ? records
            : undefined;
        });
        process.stderr.write(
          `  [pipeline] RecordResult -> household in quarantine, seen through grpcurl: ${Date.now() - resulted} ms\n`,
        );
        expect(f1s.map((r) => r.orders[0]?.kind)).toEqual([
          'centralized_quarantine',
          'centralized_quarantine',
        ]);
        const index = await getPerson(f0);
        expect(index.classification).toBe('F0');
        expect(index.cases[0]?.foundIn).toBe('community');
        // The follow-up tests reach the district's worklist.
        const worklist = await eventually('the follow-up tests on the worklist', async () => {
          const list = await call<{ items: Array<{ personId: string; reason: string; dueBy: string }> }>(
            CENTER,
            ports.samples,
            'truyvet.samples.v1.Worklists/ListWorklist',
            { districtCode: DISTRICT, wardCode: WARD },
          );
          const mine = list.items.filter((i) => i.personId === wife || i.personId === son);
          return mine.length === 6 ? mine : undefined;
        });
        expect(new Set(worklist.map((i) => i.reason))).toEqual(new Set(['f1_follow_up']));
        expect(worklist.map((i) => i.dueBy.slice(0, 10)).sort()[0]).toBe(addDays(vietnamDay(new Date()), 1));

        // The ward team records a colleague, works its queue and reads the chain.
        const recorded = await call<{ outcomes: Array<{ status: string }> }>(
          WARD_TEAM,
          ports.cases,
          'truyvet.cases.v1.Contacts/RecordContacts',
          {
            personId: f0,
            contacts: [
              {
                personId: colleague.registered?.personId,
                contactType: 'workplace',
                lastExposureOn: vietnamDay(new Date()),
              },
            ],
          },
        );
        expect(recorded.outcomes[0]?.status).toBe('recorded');
        const tasks = await eventually('the interview and call tasks', async () => {
          const list = await call<{ tasks: Array<{ taskId: string; kind: string; personId: string }> }>(
            WARD_TEAM,
            ports.cases,
            'truyvet.cases.v1.Tracing/ListTasks',
            {},
          );
          const mine = list.tasks.filter((t) =>
            [f0, wife, son, colleague.registered?.personId].includes(t.personId),
          );
          return mine.length === 4 ? mine : undefined;
        });
        expect(tasks.map((t) => t.kind).sort()).toEqual([
          'call_contact',
          'call_contact',
          'call_contact',
          'interview_case',
        ]);
        const interview = tasks.find((t) => t.kind === 'interview_case');
        await call(WARD_TEAM, ports.cases, 'truyvet.cases.v1.Tracing/ClaimTask', {
          taskId: interview?.taskId,
        });
        const done = await call<{ status: string; outcome: string }>(
          WARD_TEAM,
          ports.cases,
          'truyvet.cases.v1.Tracing/CompleteTask',
          {
            taskId: interview?.taskId,
            outcome: 'reached',
            note: 'đã phỏng vấn, khai 1 người cùng cơ quan',
          },
        );
        expect(done).toMatchObject({ status: 'done', outcome: 'reached' });
        const chain = await call<{ contacts: Array<{ personId: string; level: number }> }>(
          WARD_TEAM,
          ports.cases,
          'truyvet.cases.v1.Cases/GetChain',
          {
            personId: f0,
          },
        );
        expect(chain.contacts.map((c) => c.personId).sort()).toEqual(
          [wife, son, colleague.registered?.personId].sort(),
        );
        expect(chain.contacts.every((c) => c.level === 1)).toBe(true);
      });
    },
  );
});
