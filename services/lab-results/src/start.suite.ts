/**
 * The lab through its real gRPC API, as the CDC lab and a district use it, with the districts'
 * events published on the bus as sample-collection would: one suite, run embedded and on real
 * Kafka + FerretDB.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
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
  createEvent,
  EventRegistry,
  PersonTestResultAmendedV1,
  PersonTestResultedV1,
  PoolFlaggedForReviewV1,
  PoolResultedV1,
  SampleCollectedV1,
  ShipmentDispatchedV1,
  ShipmentReceivedV1,
  TestOrderedV1,
  topics,
  type Envelope,
} from '@truyvet/events';
import {
  createClient,
  DEV_SIGNING_KEY,
  issueToken,
  loadGrpcObject,
  readFieldViolations,
  unaryCall,
  writeClientStream,
  type Caller,
} from '@truyvet/grpc';
import type { AccessioningClient, LabProto, ResultsClient } from '@truyvet/grpc/lab';
import type { Config } from './config';
import { start, type Running } from './start';
import { vietnamDay } from './domain/turnaround';
import { importResultsCsv } from './cli/results-csv';

const proto = loadGrpcObject<LabProto>('truyvet/lab/v1/lab.proto').truyvet.lab.v1;

const LAB: Caller = { sub: 'ktv-cdc-1', role: 'lab', jurisdiction: { level: 'city', code: '92' } };
/** Staff of another lab of the city (its token names it). */
const OTHER_LAB: Caller = {
  sub: 'ktv-bv-1',
  role: 'lab',
  jurisdiction: { level: 'city', code: '92' },
  lab: 'lab-92-bvdk',
};
// The lab's test tubes come from Thới Lai (927), a district no other suite samples in: the lab
// consumes every SampleCollected on the shared topics, and the turnaround counts a whole district.
const THOI_LAI: Caller = {
  sub: 'ttyt-thoi-lai',
  role: 'district_center',
  jurisdiction: { level: 'district', code: '927' },
};
const O_MON: Caller = {
  sub: 'ttyt-o-mon',
  role: 'district_center',
  jurisdiction: { level: 'district', code: '917' },
};

export function describeLabComponent(
  name: string,
  setup: () => Promise<{ config: Config; bus: Bus; uniquePrefix: string; cleanup?: () => Promise<void> }>,
  timeoutMs = 30_000,
): void {
  describe(`lab-results (${name})`, () => {
    let running: Running;
    let bus: Bus;
    let prefix: string;
    let cleanup: (() => Promise<void>) | undefined;
    let accessioning: AccessioningClient;
    let results: ResultsClient;
    let district: ResultsClient;
    let otherDistrict: ResultsClient;
    let stopWatching: () => Promise<void>;
    const seen: Envelope[] = [];

    beforeAll(async () => {
      const env = await setup();
      ({ bus, cleanup } = env);
      prefix = env.uniquePrefix;
      running = await start({ ...env.config, GRPC_HOST: '127.0.0.1', GRPC_PORT: 0 }, { bus });
      const address = `127.0.0.1:${running.grpcPort}`;
      accessioning = createClient(proto.Accessioning, address, {
        token: await issueToken(DEV_SIGNING_KEY, LAB),
      });
      results = createClient(proto.Results, address, { token: await issueToken(DEV_SIGNING_KEY, LAB) });
      district = createClient(proto.Results, address, {
        token: await issueToken(DEV_SIGNING_KEY, THOI_LAI),
      });
      otherDistrict = createClient(proto.Results, address, {
        token: await issueToken(DEV_SIGNING_KEY, O_MON),
      });
      const record = (event: Envelope): Promise<void> => {
        seen.push(event);
        return Promise.resolve();
      };
      const subscription = await bus.subscribe({
        groupId: `${prefix}-watcher`,
        topics: [topics.labResults.topic, topics.testOrders.topic, topics.shipments.topic],
        handler: eventHandler(
          new EventRegistry([
            PersonTestResultedV1,
            PoolResultedV1,
            PersonTestResultAmendedV1,
            PoolFlaggedForReviewV1,
            TestOrderedV1,
            ShipmentReceivedV1,
          ] as const),
          {
            PersonTestResulted: record,
            PoolResulted: record,
            PersonTestResultAmended: record,
            PoolFlaggedForReview: record,
            TestOrdered: record,
            ShipmentReceived: record,
          },
        ),
      });
      stopWatching = () => subscription.stop();
    }, 120_000);

    afterAll(async () => {
      for (const client of [accessioning, results, district, otherDistrict]) client.close();
      await stopWatching();
      await running.stop();
      await cleanup?.();
    });

    const code = (suffix: string): string => `CT${prefix}-${suffix.toUpperCase()}`;
    const sampleId = (suffix: string): string => `s-${code(suffix)}`;
    const person = (n: number): string => `p-${prefix}-${n}`;

    async function eventually<T>(
      what: string,
      check: () => T | undefined | Promise<T | undefined>,
    ): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await check();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    const events = (
      type: string,
      match: (data: Record<string, unknown>) => boolean = () => true,
    ): Envelope[] => seen.filter((e) => e.type === type && match(e.data as Record<string, unknown>));

    async function collected(
      suffix: string,
      personIds: string[],
      reason: 'mass_testing' | 'pool_member_retest' = 'mass_testing',
    ): Promise<void> {
      const event = createEvent(SampleCollectedV1, {
        sampleId: sampleId(suffix),
        barcode: code(suffix),
        pooled: personIds.length > 1,
        personIds,
        collectedAt: new Date(Date.now() - 3_600_000).toISOString(),
        site: { districtCode: '927', wardCode: '31258' },
        reason,
        specimenType: 'oropharyngeal',
      });
      await bus.publish([eventMessage({ topic: topics.samples.topic, event })]);
    }

    async function dispatched(shipmentId: string, suffixes: string[]): Promise<void> {
      const event = createEvent(ShipmentDispatchedV1, {
        shipmentId,
        fromDistrictCode: '927',
        labId: 'lab-92',
        manifest: suffixes.map((s) => ({ sampleId: sampleId(s), barcode: code(s) })),
        dispatchedAt: new Date(Date.now() - 1_800_000).toISOString(),
        dispatchedBy: 'ttyt-thoi-lai',
      });
      await bus.publish([eventMessage({ topic: topics.shipments.topic, event })]);
    }

    const known = (suffix: string) =>
      eventually(`${code(suffix)} known at the lab`, async () => {
        try {
          return await unaryCall(results, 'GetSampleResults', { barcode: code(suffix) });
        } catch {
          return undefined;
        }
      });

    it('accessions a box against its manifest: received, missing, unexpected and rejected tubes', async () => {
      await collected('pool', [person(1), person(2), person(3)]);
      await collected('a', [person(4)]);
      await collected('b', [person(5)]);
      await collected('leak', [person(6)]);
      await collected('lost', [person(7)]);
      const shipmentId = `sh-${prefix}-1`;
      await dispatched(shipmentId, ['pool', 'a', 'b', 'leak', 'lost']);
      for (const suffix of ['pool', 'a', 'b', 'leak', 'lost']) await known(suffix);
      const accession = await eventually('the manifest at the lab', async () => {
        const answer = await unaryCall(accessioning, 'AccessionShipment', {
          shipmentId,
          tubes: [
            { barcode: code('pool') },
            { barcode: code('a').toLowerCase() },
            { barcode: code('b'), condition: 'ok' },
            { barcode: code('leak'), condition: 'leaking' },
            { barcode: code('stray') },
          ],
        });
        return answer;
      });
      // Scanned before the manifest came: held, and matched when it comes.
      const final =
        accession.status === 'accessioned'
          ? accession
          : await eventually('the held scan to be matched', async () => {
              const a = await unaryCall(accessioning, 'GetAccession', { shipmentId });
              return a.status === 'accessioned' ? a : undefined;
            });
      expect(final.receivedSampleIds.sort()).toEqual([sampleId('a'), sampleId('b'), sampleId('pool')].sort());
      expect(final.missingSampleIds).toEqual([sampleId('lost')]);
      expect(final.unexpectedBarcodes).toEqual([code('stray')]);
      expect(final.rejected).toEqual([{ sampleId: sampleId('leak'), reason: 'leaking' }]);
      const receipt = await eventually(
        'ShipmentReceived',
        () => events('ShipmentReceived', (d) => d.shipmentId === shipmentId)[0],
      );
      expect(receipt.key).toBe(shipmentId);
      // A second, different scan of the same box is refused.
      await expect(
        unaryCall(accessioning, 'AccessionShipment', { shipmentId, tubes: [{ barcode: code('a') }] }),
      ).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
      await eventually('the receipt applied to the tubes', async () => {
        const s = await unaryCall(results, 'GetSampleResults', { barcode: code('leak') });
        return s.rejectedAtAccession === 'leaking' ? s : undefined;
      });
    });

    it('holds a scan whose manifest has not arrived, and matches it when it does', async () => {
      await collected('late', [person(8)]);
      await known('late');
      const shipmentId = `sh-${prefix}-late`;
      const held = await unaryCall(accessioning, 'AccessionShipment', {
        shipmentId,
        tubes: [{ barcode: code('late') }],
      });
      expect(held.status).toBe('awaiting_manifest');
      await dispatched(shipmentId, ['late']);
      const matched = await eventually('the late manifest', async () => {
        const a = await unaryCall(accessioning, 'AccessionShipment', {
          shipmentId,
          tubes: [{ barcode: code('late') }],
        });
        return a.status === 'accessioned' ? a : undefined;
      });
      expect(matched.receivedSampleIds).toEqual([sampleId('late')]);
    });

    it("takes a box's receipt time when the scan is entered late, and refuses a result dated before it", async () => {
      await collected('entered', [person(9)]);
      await known('entered');
      const shipmentId = `sh-${prefix}-entered`;
      await dispatched(shipmentId, ['entered']);
      const receivedAt = new Date(Date.now() - 20 * 60_000);
      await eventually('the box accessioned at its own time', async () => {
        const a = await unaryCall(accessioning, 'AccessionShipment', {
          shipmentId,
          tubes: [{ barcode: code('entered') }],
          receivedAt: receivedAt.toISOString(),
        });
        return a.status === 'accessioned' ? a : undefined;
      });
      const tube = await eventually('the receipt on the tube', async () => {
        const t = await unaryCall(results, 'GetSampleResults', { barcode: code('entered') });
        return t.receivedAt ? t : undefined;
      });
      expect(tube.receivedAt).toBe(receivedAt.toISOString());
      const early = await unaryCall(results, 'RecordResult', {
        barcode: code('entered'),
        method: 'rt_pcr',
        kitId: 'allplex-2019-ncov',
        resultedAt: new Date(receivedAt.getTime() - 5 * 60_000).toISOString(),
      }).catch((error: unknown) => error);
      expect(early).toMatchObject({ code: status.INVALID_ARGUMENT });
      expect(readFieldViolations(early as never)).toEqual([
        {
          field: 'resultedAt',
          description: `is before the lab received the tube (${receivedAt.toISOString()})`,
        },
      ]);
      const later = await unaryCall(results, 'RecordResult', {
        barcode: code('entered'),
        method: 'rt_pcr',
        kitId: 'allplex-2019-ncov',
        resultedAt: new Date(receivedAt.getTime() + 5 * 60_000).toISOString(),
      });
      expect(later.outcome).toBe('negative');
      // A receipt before the tube was swabbed is refused, naming the field.
      const beforeSwab = await unaryCall(accessioning, 'AccessionShipment', {
        shipmentId: `sh-${prefix}-early`,
        tubes: [{ barcode: code('entered') }],
        receivedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      }).catch((error: unknown) => error);
      expect(readFieldViolations(beforeSwab as never)).toEqual([
        expect.objectContaining({ field: 'receivedAt', description: expect.stringMatching(/was collected/) }),
      ]);
      // A receipt in the future is refused, naming the field.
      const ahead = await unaryCall(accessioning, 'AccessionShipment', {
        shipmentId: `sh-${prefix}-ahead`,
        tubes: [{ barcode: code('entered') }],
        receivedAt: new Date(Date.now() + 3_600_000).toISOString(),
      }).catch((error: unknown) => error);
      expect(readFieldViolations(ahead as never).map((v) => v.field)).toEqual(['receivedAt']);
    });

    it('records a plate: a positive pool orders re-tests, individual results go to each person, bad rows are named', async () => {
      const kit = { kitId: 'allplex-2019-ncov', method: 'rt_pcr' };
      const response = await writeClientStream(results, 'RecordResults', [
        { ...kit, barcode: code('pool'), ctValues: { N: 31.5, E: 33 } },
        { ...kit, barcode: code('a'), ctValues: {} },
        {
          ...kit,
          barcode: code('b'),
          ctValues: { E: 22, RdRp: 24, N: 23 },
          outcome: 'positive',
          runId: 'plate-7',
        },
        { ...kit, barcode: code('nope'), ctValues: {} },
        { ...kit, barcode: code('late'), ctValues: { N: 18 }, outcome: 'negative' },
        { ...kit, barcode: code('a'), ctValues: {} }, // the same reading twice: one result
        { ...kit, barcode: code('leak'), ctValues: {} },
        { method: 'rapid_antigen', barcode: code('late'), ctValues: { N: 20 } },
      ]);
      expect(response.results.map((r) => r.errorCode || r.recorded?.outcome)).toEqual([
        'positive',
        'negative',
        'positive',
        'UNKNOWN_BARCODE',
        'INVALID_RESULT',
        'negative',
        'SAMPLE_REJECTED_AT_ACCESSION',
        'INVALID_RESULT',
      ]);
      expect(response.results[5]?.recorded?.unchanged).toBe(true);
      expect(response.results[4]?.rejected?.fieldViolations.map((f) => f.field)).toEqual(['outcome']);
      expect(response.results[7]?.rejected?.fieldViolations.map((f) => f.field).sort()).toEqual([
        'ctValues',
        'outcome',
      ]);
      expect({ accepted: response.accepted, rejected: response.rejected }).toEqual({
        accepted: 4,
        rejected: 4,
      });

      const orders = await eventually('three re-test orders', () => {
        const found = events('TestOrdered', (d) => d.cause === sampleId('pool'));
        return found.length >= 3 ? found : undefined;
      });
      expect(orders.map((o) => (o.data as { personId: string }).personId).sort()).toEqual([
        person(1),
        person(2),
        person(3),
      ]);
      expect(orders.every((o) => (o.data as { reason: string }).reason === 'pool_member_retest')).toBe(true);
      const positive = await eventually(
        'the positive person result',
        () => events('PersonTestResulted', (d) => d.personId === person(5))[0],
      );
      expect(positive.key).toBe(person(5));
      expect(positive.data).toMatchObject({
        outcome: 'positive',
        pooled: false,
        runId: 'plate-7',
        siteDistrictCode: '927',
      });
      // No person result for the members of a positive pool: they are suspects, not cases.
      expect(events('PersonTestResulted', (d) => d.personId === person(1))).toEqual([]);
      await eventually(
        'PoolResulted',
        () => events('PoolResulted', (d) => d.sampleId === sampleId('pool'))[0],
      );
      expect(events('PoolResulted', (d) => d.sampleId === sampleId('pool'))).toHaveLength(1);
    });

    it("flags a positive pool for review when every member's own re-test is negative", async () => {
      for (const n of [1, 2, 3]) await collected(`re-${n}`, [person(n)], 'pool_member_retest');
      for (const n of [1, 2, 3]) await known(`re-${n}`);
      const response = await writeClientStream(
        results,
        'RecordResults',
        [1, 2, 3].map((n) => ({
          barcode: code(`re-${n}`),
          method: 'rt_pcr',
          kitId: 'sansure-2019-ncov',
          ctValues: {},
        })),
      );
      expect(response.accepted).toBe(3);
      const flag = await eventually(
        'PoolFlaggedForReview',
        () => events('PoolFlaggedForReview', (d) => d.sampleId === sampleId('pool'))[0],
      );
      expect((flag.data as { personIds: string[] }).personIds).toEqual([person(1), person(2), person(3)]);
      const pool = await unaryCall(results, 'GetSampleResults', { barcode: code('pool') });
      expect(pool.flaggedForReview).toBe(true);
      expect(pool.openOrderIds).toEqual([]);
    });

    it('amends a result with a reason: the amendment is published for the person, the history kept', async () => {
      const amended = await unaryCall(results, 'AmendResult', {
        barcode: code('b'),
        method: 'rt_pcr',
        kitId: 'allplex-2019-ncov',
        ctValues: {},
        reason: 'nhầm vị trí giếng trên khay, chạy lại',
      });
      expect(amended.history.map((h) => [h.outcome, h.amends])).toEqual([
        ['positive', ''],
        ['negative', amended.history[0]?.resultId],
      ]);
      const event = await eventually(
        'PersonTestResultAmended',
        () => events('PersonTestResultAmended', (d) => d.personId === person(5))[0],
      );
      expect(event.data).toMatchObject({
        previousOutcome: 'positive',
        outcome: 'negative',
        amendedBy: 'ktv-cdc-1',
      });
      await expect(
        unaryCall(results, 'AmendResult', {
          barcode: code('b'),
          method: 'rt_pcr',
          kitId: 'allplex-2019-ncov',
          reason: '',
        }),
      ).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    });

    it('imports an instrument export of 300 tubes, reporting each bad row', async () => {
      const count = 300;
      const events = Array.from({ length: count }, (_, i) =>
        eventMessage({
          topic: topics.samples.topic,
          event: createEvent(SampleCollectedV1, {
            sampleId: sampleId(`csv-${i}`),
            barcode: code(`csv-${i}`),
            pooled: false,
            personIds: [person(1_000 + i)],
            collectedAt: new Date(Date.now() - 3_600_000).toISOString(),
            site: { districtCode: '917' },
            reason: 'mass_testing',
            specimenType: 'nasal',
          }),
        }),
      );
      await bus.publish(events);
      // All 300 known at the lab (they arrive over several partitions, in any order).
      const date = vietnamDay(new Date(Date.now() - 3_600_000));
      await eventually('300 tubes known at the lab', async () => {
        const day = await unaryCall(results, 'GetTurnaround', { districtCode: '917', date });
        return day.collected >= count ? day : undefined;
      });
      const rows = Array.from({ length: count }, (_, i) => {
        const n = i % 50 === 7 ? '24.5' : 'Undetermined';
        return [
          `${code(`csv-${i}`)},ORF1ab,${n},sansure-2019-ncov,qs5-run-1`,
          `${code(`csv-${i}`)},N,${n},sansure-2019-ncov,qs5-run-1`,
        ];
      }).flat();
      rows.push(`${code('csv-none')},N,30,sansure-2019-ncov,qs5-run-1`); // never collected
      rows.push(`${code('csv-bad')},N,thirty,sansure-2019-ncov,qs5-run-1`); // not a number
      const csv = ['Sample Name,Target,CT,kit_id,run_id', ...rows].join('\n');
      const report = await importResultsCsv(results, csv, { chunkSize: 120 });
      expect(report).toMatchObject({
        rows: count + 2,
        recorded: count,
        positive: 6,
        rejected: 2,
        unchanged: 0,
      });
      expect(report.problems.map((p) => [p.line, p.field])).toEqual([
        [2 * count + 2, 'barcode'],
        [2 * count + 3, 'ct'],
      ]);
      // Importing the same file again records nothing twice.
      const again = await importResultsCsv(results, csv);
      expect(again).toMatchObject({ recorded: 0, unchanged: count });
    });

    it("gives a district its day's turnaround", async () => {
      const date = vietnamDay(new Date(Date.now() - 3_600_000));
      const report = await unaryCall(district, 'GetTurnaround', { districtCode: '927', date });
      // pool, a, b, leak, lost, late, entered, and the three re-tests; leak rejected; late not resulted.
      expect(report).toMatchObject({ collected: 10, received: 6, resulted: 7, rejected: 1, overdue: 0 });
      expect(report.collectedToResulted?.count).toBe(7);
      expect(report.collectedToResulted?.p50Hours).toBeGreaterThan(0.9);
      await expect(
        unaryCall(otherDistrict, 'GetTurnaround', { districtCode: '927', date }),
      ).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    });

    it('sends a malformed event to its dead-letter topic with the reason, and keeps going', async () => {
      const bad = createEvent(SampleCollectedV1, {
        sampleId: sampleId('poison'),
        barcode: code('poison'),
        pooled: false,
        personIds: [person(99)],
        collectedAt: new Date().toISOString(),
        site: { districtCode: '927' },
        reason: 'mass_testing',
        specimenType: 'nasal',
      });
      const message = eventMessage({ topic: topics.samples.topic, event: bad });
      const poisoned = { ...message, value: message.value.replace('"mass_testing"', '"for fun"') };
      const dead: ReceivedMessage[] = [];
      const dlq = await bus.subscribe({
        groupId: `${prefix}-dlq-reader`,
        topics: [deadLetterTopic('lab-results')],
        handler: (m) => {
          dead.push(m);
          return Promise.resolve();
        },
      });
      await bus.publish([poisoned]);
      const found = await eventually('the poison event in lab-results.dlq', () =>
        dead.find((m) => m.headers[headers.eventId] === bad.id),
      );
      await dlq.stop();
      expect(found.headers[headers.dlqReason]).toMatch(/data\.reason/);
      // The tube behind it was not taken in; the next good one is.
      await collected('after-poison', [person(98)]);
      await known('after-poison');
      await expect(unaryCall(results, 'GetSampleResults', { barcode: code('poison') })).rejects.toMatchObject(
        {
          code: status.NOT_FOUND,
        },
      );
    });

    it('lets only the lab record results, and a district read only its own samples', async () => {
      let refused: unknown;
      try {
        await unaryCall(district, 'RecordResult', {
          barcode: code('lost'),
          method: 'rt_pcr',
          kitId: 'allplex-2019-ncov',
        });
      } catch (error) {
        refused = error;
      }
      expect(refused).toMatchObject({ code: status.PERMISSION_DENIED });
      expect((await unaryCall(district, 'GetSampleResults', { barcode: code('b') })).history).toHaveLength(2);
      await expect(
        unaryCall(otherDistrict, 'GetSampleResults', { barcode: code('b') }),
      ).rejects.toMatchObject({
        code: status.PERMISSION_DENIED,
      });
      let invalid: unknown;
      try {
        await unaryCall(results, 'RecordResult', { barcode: '', method: 'pcr', ctValues: { N: 20 } });
      } catch (error) {
        invalid = error;
      }
      expect(invalid).toMatchObject({ code: status.INVALID_ARGUMENT });
      expect(
        readFieldViolations(invalid as Parameters<typeof readFieldViolations>[0])
          .map((f) => f.field)
          .sort(),
      ).toEqual(['barcode', 'method']);
    });

    it("holds each lab to the boxes and tubes sent to it: another lab's scan, result and amendment are refused", async () => {
      const address = `127.0.0.1:${running.grpcPort}`;
      const token = await issueToken(DEV_SIGNING_KEY, OTHER_LAB);
      const otherAccessioning = createClient(proto.Accessioning, address, { token });
      const otherResults = createClient(proto.Results, address, { token });
      try {
        // b's box was sent to lab-92: another lab may neither amend nor result it.
        const amend = unaryCall(otherResults, 'AmendResult', {
          barcode: code('b'),
          method: 'rt_pcr',
          kitId: 'allplex-2019-ncov',
          ctValues: { E: 20, N: 21 },
          reason: 'không phải phòng xét nghiệm này',
        });
        await expect(amend).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
        const record = unaryCall(otherResults, 'RecordResult', {
          barcode: code('b'),
          method: 'rt_pcr',
          kitId: 'allplex-2019-ncov',
          ctValues: { E: 20, N: 21 },
        });
        await expect(record).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
        const history = await unaryCall(results, 'GetSampleResults', { barcode: code('b') });
        expect(history.history.at(-1)?.outcome).toBe('negative');
        // A box addressed to lab-92, its manifest known: another lab's scan is refused.
        await collected('elsewhere', [person(8)]);
        const shipmentId = `sh-${prefix}-other-lab`;
        await dispatched(shipmentId, ['elsewhere']);
        await eventually('the manifest at the lab', async () => {
          try {
            return await unaryCall(accessioning, 'GetAccession', { shipmentId });
          } catch {
            return undefined;
          }
        });
        await expect(
          unaryCall(otherAccessioning, 'AccessionShipment', {
            shipmentId,
            tubes: [{ barcode: code('elsewhere') }],
          }),
        ).rejects.toMatchObject({ code: status.PERMISSION_DENIED });

        // Scanned by another lab before its manifest came: held, then set aside when the manifest
        // says the box went to lab-92 (no receipt); lab-92's own scan receives it.
        await collected('astray', [person(8)]);
        await known('astray');
        const astray = `sh-${prefix}-astray`;
        const early = await unaryCall(otherAccessioning, 'AccessionShipment', {
          shipmentId: astray,
          tubes: [{ barcode: code('astray') }],
        });
        expect(early.status).toBe('awaiting_manifest');
        await dispatched(astray, ['astray']);
        await eventually('the stray scan set aside', async () => {
          const a = await unaryCall(accessioning, 'GetAccession', { shipmentId: astray });
          return a.status === 'scanned_by_another_lab' ? a : undefined;
        });
        expect(events('ShipmentReceived', (d) => d.shipmentId === astray)).toEqual([]);
        const own = await unaryCall(accessioning, 'AccessionShipment', {
          shipmentId: astray,
          tubes: [{ barcode: code('astray') }],
        });
        expect(own.status).toBe('accessioned');
        await eventually(
          'the receipt by lab-92',
          () => events('ShipmentReceived', (d) => d.shipmentId === astray)[0],
        );

        // Both labs scan before the manifest: each scan is held as that lab's, and the manifest
        // picks lab-92's (the other lab's cannot take its place).
        await collected('both', [person(8)]);
        await known('both');
        const both = `sh-${prefix}-both`;
        for (const client of [otherAccessioning, accessioning]) {
          const held = await unaryCall(client, 'AccessionShipment', {
            shipmentId: both,
            tubes: [{ barcode: code('both') }],
          });
          expect(held.status).toBe('awaiting_manifest');
        }
        await dispatched(both, ['both']);
        const received = await eventually('the box received by its own lab', async () => {
          const a = await unaryCall(accessioning, 'GetAccession', { shipmentId: both });
          return a.status === 'accessioned' ? a : undefined;
        });
        expect(received.receivedSampleIds).toEqual([sampleId('both')]);
      } finally {
        otherAccessioning.close();
        otherResults.close();
      }
    });
  });
}
