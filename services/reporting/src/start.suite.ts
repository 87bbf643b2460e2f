/**
 * The reporting service through its real gRPC API, as the steering committee and a district use
 * it, with the other services' events published on the bus: one suite, run embedded and on real
 * Kafka + FerretDB. Its figures are in Vĩnh Thạnh (924), a district no other suite publishes in
 * (reporting folds every event on the shared topics).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { deadLetterTopic, eventMessage, headers, type Bus, type ReceivedMessage } from '@truyvet/bus';
import { CaseConfirmedV1, topics, type Envelope } from '@truyvet/events';
import {
  createClient,
  DEV_SIGNING_KEY,
  issueToken,
  loadGrpcObject,
  readFieldViolations,
  unaryCall,
  type Caller,
} from '@truyvet/grpc';
import type { ReportsClient, ReportsProto } from '@truyvet/grpc/reports';
import { addDays, vietnamDay } from '@truyvet/rules';
import { eventually } from '../../../test/harness';
import type { AreaRequest } from './app/reports';
import type { Config } from './config';
import { start, type Running } from './start';
import * as e from './testing/events';

const proto = loadGrpcObject<ReportsProto>('truyvet/reports/v1/reports.proto').truyvet.reports.v1;

const CITY: Caller = { sub: 'bcd-can-tho', role: 'city', jurisdiction: { level: 'city', code: '92' } };
const VINH_THANH: Caller = {
  sub: 'ttyt-vinh-thanh',
  role: 'district_center',
  jurisdiction: { level: 'district', code: '924' },
};
const WARD = { districtCode: '924', wardCode: '31231' };

export interface ComponentSetup {
  config: Config;
  bus: Bus;
  uniquePrefix: string;
  /** A second instance's config: a new consumer group (and a new database on real servers). */
  rebuildConfig: Config;
  /** Waits until a consumer group has read everything on the topics. */
  caughtUp: (groupId: string) => Promise<void>;
  cleanup?: () => Promise<void>;
}

export function describeReportingComponent(
  name: string,
  setup: () => Promise<ComponentSetup>,
  timeoutMs = 30_000,
): void {
  describe(`reporting (${name})`, () => {
    let env: ComponentSetup;
    let running: Running;
    let city: ReportsClient;
    let district: ReportsClient;
    const today = vietnamDay(new Date());
    const area = { level: 'district', code: '924' };

    const publish = (events: readonly Envelope[], topic: string) =>
      env.bus.publish(events.map((event) => eventMessage({ topic, event })));

    beforeAll(async () => {
      env = await setup();
      running = await start({ ...env.config, GRPC_HOST: '127.0.0.1', GRPC_PORT: 0 }, { bus: env.bus });
      const address = `127.0.0.1:${running.grpcPort}`;
      city = createClient(proto.Reports, address, { token: await issueToken(DEV_SIGNING_KEY, CITY) });
      district = createClient(proto.Reports, address, {
        token: await issueToken(DEV_SIGNING_KEY, VINH_THANH),
      });
      // Catch up on what other suites left on the shared topics before timing anything.
      await env.caughtUp(env.config.CONSUMER_GROUP);
    }, 660_000);

    afterAll(async () => {
      city.close();
      district.close();
      await running.stop();
      await env.cleanup?.();
    });

    const n = (i: number): number => Number(env.uniquePrefix) * 1000 + i;

    it(
      "gives a district's figures, always current, as events arrive",
      async () => {
        const before = await unaryCall(district, 'GetDailyReport', { area });
        await publish(
          [
            e.caseConfirmed(n(1), today, WARD, 'community', new Date()),
            e.caseConfirmed(n(2), today, WARD, 'community', new Date()),
            e.caseConfirmed(n(3), today, WARD, 'quarantine', new Date()),
          ],
          topics.cases.topic,
        );
        await publish(
          [
            e.isolationOrdered(`p-${env.uniquePrefix}-f1a`, {
              kind: 'home_quarantine',
              startsOn: today,
              place: WARD,
              issuedAt: new Date(),
            }),
            e.isolationOrdered(`p-${env.uniquePrefix}-f1b`, {
              kind: 'centralized_quarantine',
              startsOn: today,
              place: WARD,
              issuedAt: new Date(),
            }),
          ],
          topics.isolation.topic,
        );
        const report = await eventually(
          'the three cases and two F1 in the report',
          async () => {
            const r = await unaryCall(district, 'GetDailyReport', { area });
            // Every figure asserted below: the orders are keyed by person, so each can arrive last.
            return r.cases?.newToday === (before.cases?.newToday ?? 0) + 3 &&
              r.isolation?.f1Home === (before.isolation?.f1Home ?? 0) + 1 &&
              r.isolation.f1Centralized === (before.isolation?.f1Centralized ?? 0) + 1
              ? r
              : undefined;
          },
          timeoutMs,
        );
        expect(report.area).toEqual({ level: 'district', code: '924', name: 'Huyện Vĩnh Thạnh' });
        expect(report.date).toBe(today);
        expect((report.cases?.newInCommunity ?? 0) - (before.cases?.newInCommunity ?? 0)).toBe(2);
        expect((report.cases?.newInQuarantine ?? 0) - (before.cases?.newInQuarantine ?? 0)).toBe(1);
        expect((report.isolation?.f1Centralized ?? 0) - (before.isolation?.f1Centralized ?? 0)).toBe(1);

        const risk = await unaryCall(city, 'GetRiskLevels', { area: { level: 'ward', code: '31231' } });
        expect(risk.wards).toHaveLength(1);
        expect(risk.wards[0]?.communityCases).toBeGreaterThanOrEqual(2);
        expect(risk.windowFrom).toBe(addDays(today, -6));

        const parts = await unaryCall(city, 'ListDailyReports', { area });
        expect(parts.reports.map((r) => r.area?.code)).toEqual(expect.arrayContaining(['924', '31231']));
      },
      timeoutMs * 2,
    );

    it('exports the figures as CSV and JSON', async () => {
      const csv = await unaryCall(district, 'ExportReport', { report: 'daily', format: 'csv', area });
      expect(csv.contentType).toBe('text/csv; charset=utf-8');
      expect(csv.fileName).toBe(`truyvet-daily-district-924-${today}.csv`);
      expect(csv.content.split('\n')[0]).toMatch(/^area\.level,area\.code,area\.name,date,cases\.newToday,/);
      const json = await unaryCall(district, 'ExportReport', { report: 'turnaround', format: 'json', area });
      expect(JSON.parse(json.content)).toEqual([
        expect.objectContaining({ districtCode: '924', date: today }),
      ]);
    });

    it('answers INVALID_ARGUMENT naming the fields, NOT_FOUND for unknown areas, PERMISSION_DENIED outside the jurisdiction', async () => {
      const invalid = await unaryCall(city, 'GetDailyReport', {
        area: { level: 'province', code: '92' },
        date: '2021-13-45',
      }).catch((error: unknown) => error);
      expect(invalid).toMatchObject({ code: status.INVALID_ARGUMENT });
      expect(
        readFieldViolations(invalid as never)
          .map((v) => v.field)
          .sort(),
      ).toEqual(['area.level', 'date']);
      const noCode = await unaryCall(city, 'GetRiskLevels', { area: { level: 'ward' } }).catch(
        (error: unknown) => error,
      );
      expect(readFieldViolations(noCode as never).map((v) => v.field)).toEqual(['area.code']);
      const badExport = await unaryCall(city, 'ExportReport', { report: 'weekly', format: 'xlsx' }).catch(
        (error: unknown) => error,
      );
      expect(
        readFieldViolations(badExport as never)
          .map((v) => v.field)
          .sort(),
      ).toEqual(['format', 'report']);
      // A day that has not begun: no figures, not today's in its place.
      const dayAfterTomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const tomorrow = await unaryCall(city, 'GetDailyReport', { date: dayAfterTomorrow }).catch(
        (error: unknown) => error,
      );
      expect(tomorrow).toMatchObject({ code: status.INVALID_ARGUMENT });
      expect(readFieldViolations(tomorrow as never)).toEqual([
        expect.objectContaining({ field: 'date', description: expect.stringMatching(/^is after today/) }),
      ]);
      await expect(
        unaryCall(city, 'GetDailyReport', { area: { level: 'ward', code: '99999' } }),
      ).rejects.toMatchObject({ code: status.NOT_FOUND });
      await expect(
        unaryCall(district, 'GetDailyReport', { area: { level: 'district', code: '916' } }),
      ).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
      await expect(unaryCall(district, 'GetDailyReport', {})).rejects.toMatchObject({
        code: status.PERMISSION_DENIED,
      });
    });

    it(
      'dead-letters events it does not understand, with the reason, and the figures stay as they were',
      async () => {
        const before = await unaryCall(city, 'ExportReport', { report: 'daily', format: 'json', area });
        const dead: ReceivedMessage[] = [];
        const reader = await env.bus.subscribe({
          groupId: `${env.uniquePrefix}-dlq-reader`,
          topics: [deadLetterTopic(env.config.CONSUMER_GROUP)],
          handler: (m) => {
            dead.push(m);
            return Promise.resolve();
          },
        });
        const good = e.caseConfirmed(n(9), today, WARD);
        const futureVersion = { ...good, id: `${good.id}-v9`, version: 9 };
        const badData = {
          ...good,
          id: `${good.id}-bad`,
          data: { ...(good.data as Record<string, unknown>), foundIn: 'on the moon' },
        };
        await env.bus.publish([
          {
            topic: topics.cases.topic,
            key: good.key,
            value: '{not json',
            headers: { [headers.eventId]: `${good.id}-junk` },
          },
          eventMessage({ topic: topics.cases.topic, event: futureVersion }),
          eventMessage({ topic: topics.cases.topic, event: badData }),
        ]);
        const reasons = await eventually(
          'the three poison messages in the dead-letter topic',
          () => {
            const ids = [`${good.id}-junk`, futureVersion.id, badData.id];
            const found = ids.map((id) => dead.find((m) => m.headers[headers.eventId] === id));
            return found.every((m) => m !== undefined)
              ? found.map((m) => m.headers[headers.dlqReason] ?? '')
              : undefined;
          },
          timeoutMs,
        );
        await reader.stop();
        expect(reasons[1]).toMatch(/v9 is not supported/);
        expect(reasons[2]).toMatch(/data\.foundIn/);
        const after = await unaryCall(city, 'ExportReport', { report: 'daily', format: 'json', area });
        expect(after.content).toBe(before.content);
        expect(CaseConfirmedV1.version).toBe(1);
      },
      timeoutMs * 2,
    );

    it('gives the same figures when rebuilt from the topics by a new consumer group', async () => {
      const rebuilt = await start(
        { ...env.rebuildConfig, GRPC_HOST: '127.0.0.1', GRPC_PORT: 0 },
        { bus: env.bus },
      );
      try {
        await env.caughtUp(env.rebuildConfig.CONSUMER_GROUP);
        await env.caughtUp(env.config.CONSUMER_GROUP);
        const areas: AreaRequest[] = [{ level: 'district', code: '924' }, { level: 'city' }];
        for (const report of ['daily', 'risk', 'turnaround'] as const) {
          for (const where of areas) {
            const original = await running.reports.export(report, 'json', where, today);
            const fromScratch = await rebuilt.reports.export(report, 'json', where, today);
            expect(fromScratch.content).toBe(original.content);
          }
        }
      } finally {
        await rebuilt.stop();
      }
    }, 660_000);
  });
}
