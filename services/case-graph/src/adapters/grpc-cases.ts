/**
 * The gRPC edge of case-graph: requests validated (proto3's '' and 0 read as absent), the caller's
 * role and area checked against the record or area asked about, domain values mapped to messages.
 */
import { z } from 'zod';
import { DomainError, type FieldViolation } from '@truyvet/errors';
import { contactType, severity as severityEnum } from '@truyvet/events';
import type { AdminUnits } from '@truyvet/geo';
import { clientStream, requireArea, requireRole, unary, type CallContext } from '@truyvet/grpc';
import type {
  CaseView,
  Facility as FacilityMessage,
  IsolationOrder as OrderMessage,
  PersonRecord,
  RowResult,
  Task as TaskMessage,
} from '@truyvet/grpc/cases';
import { vietnamDay } from '@truyvet/rules';
import type { ExposureLogDesk } from '../app/exposure-log-desk';
import type { PlacementDesk } from '../app/placement';
import type { Area } from '../app/ports';
import type { RuleSetDesk } from '../app/rule-sets';
import type { TaskQueue } from '../app/task-queue';
import { personOfCase, type TracingDesk } from '../app/tracing';
import type { GraphViews } from '../app/views';
import { BED_KINDS, freeBeds, type FacilityState } from '../domain/facility';
import { activeOrder } from '../domain/isolation';
import type { ContactInput, ContactOutcome } from '../domain/record';
import { TASK_KINDS, TASK_OUTCOMES, isOverdue, type TracingTask } from '../domain/tasks';
import type { CaseEpisode, IsolationOrder, TracingRecord } from '../domain/types';

const TRACERS = ['ward_team', 'district_center', 'city', 'admin'] as const;
const SUPERVISORS = ['district_center', 'city', 'admin'] as const;

// proto3 sends '' for fields not set: read them as absent.
const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));
const requiredText = z.string().trim().min(1, 'is required');
const day = z.string().trim().pipe(z.iso.date('a day, YYYY-MM-DD'));
const optionalDay = optionalText.pipe(z.iso.date('a day, YYYY-MM-DD').optional());
const time = z
  .string()
  .trim()
  .pipe(z.iso.datetime({ offset: true, message: 'an RFC 3339 time, e.g. 2021-11-08T10:00:00+07:00' }));
const districtCode = optionalText.pipe(
  z
    .string()
    .regex(/^\d{3}$/, 'a 3-digit district code')
    .optional(),
);
const wardCode = optionalText.pipe(
  z
    .string()
    .regex(/^\d{5}$/, 'a 5-digit ward code')
    .optional(),
);

/** A contact named by details: what the registry needs to find or register them. */
function contactDetailsSchema(units: AdminUnits) {
  return z
    .object({
      fullName: z.string().trim().min(2, 'a full name has at least 2 characters').max(120),
      birthYear: z
        .number()
        .int()
        .min(1900, 'a birth year from 1900')
        .max(new Date().getFullYear(), 'not in the future'),
      sex: optionalText.pipe(z.enum(['male', 'female', 'other']).optional()),
      nationalId: optionalText.pipe(
        z
          .string()
          .regex(/^(\d{9}|\d{12})$/, 'a CMND (9 digits) or CCCD (12 digits)')
          .optional(),
      ),
      phone: optionalText
        .transform((s) => s?.replace(/[\s.-]/g, '').replace(/^\+?84/, '0'))
        .pipe(
          z
            .string()
            .regex(/^0\d{9,10}$/, 'a Vietnamese phone number')
            .optional(),
        ),
      address: z
        .object({
          districtCode: requiredText,
          wardCode: requiredText,
          hamlet: optionalText,
          street: optionalText,
        })
        .superRefine((a, ctx) => {
          const ward = units.ward(a.wardCode);
          if (!ward)
            ctx.addIssue({
              code: 'custom',
              path: ['wardCode'],
              message: `no ward ${a.wardCode} in ${units.province.name}`,
            });
          else if (ward.parentCode !== a.districtCode)
            ctx.addIssue({
              code: 'custom',
              path: ['districtCode'],
              message: `${ward.name} is in district ${ward.parentCode ?? '?'}`,
            });
        }),
      householdId: optionalText,
    })
    .transform((d) => ({
      fullName: d.fullName,
      birthYear: d.birthYear,
      ...(d.sex ? { sex: d.sex } : {}),
      ...(d.nationalId ? { nationalId: d.nationalId } : {}),
      ...(d.phone ? { phone: d.phone } : {}),
      address: {
        districtCode: d.address.districtCode,
        wardCode: d.address.wardCode,
        ...(d.address.hamlet ? { hamlet: d.address.hamlet } : {}),
        ...(d.address.street ? { street: d.address.street } : {}),
      },
      ...(d.householdId ? { householdId: d.householdId } : {}),
      vaccinations: [],
      comorbidities: [],
    }));
}

function contactInputSchema(units: AdminUnits) {
  return z
    .object({
      personId: optionalText,
      details: contactDetailsSchema(units).nullish(),
      contactType: z.string().trim().pipe(contactType),
      lastExposureOn: day,
    })
    .superRefine((c, ctx) => {
      if (!c.personId && !c.details)
        ctx.addIssue({
          code: 'custom',
          path: ['personId'],
          message: 'name the contact by personId or by details',
        });
    })
    .transform((c): ContactInput => ({
      contactPersonId: c.personId,
      details: c.details ?? undefined,
      contactType: c.contactType,
      lastExposureOn: c.lastExposureOn,
    }));
}

/** The area a caller works in: a ward team's ward (with its district), a district, or the city. */
function callerArea(ctx: CallContext, units: AdminUnits): Area {
  const { level, code } = ctx.caller.jurisdiction;
  if (level === 'ward') return { districtCode: units.ward(code)?.parentCode ?? undefined, wardCode: code };
  if (level === 'district') return { districtCode: code };
  return {};
}

/** The area a list asks for, defaulting to the caller's own, and checked against it. */
function requestedArea(ctx: CallContext, units: AdminUnits, requested: Area): Area {
  if (!requested.districtCode && !requested.wardCode) return callerArea(ctx, units);
  const area: Area = {
    districtCode:
      requested.districtCode ??
      (requested.wardCode ? (units.ward(requested.wardCode)?.parentCode ?? undefined) : undefined),
    ...(requested.wardCode ? { wardCode: requested.wardCode } : {}),
  };
  requireArea(ctx, withoutUndefined(area));
  return area;
}

function withoutUndefined(area: Area): { districtCode?: string; wardCode?: string } {
  return {
    ...(area.districtCode ? { districtCode: area.districtCode } : {}),
    ...(area.wardCode ? { wardCode: area.wardCode } : {}),
  };
}

function requireRecordArea(ctx: CallContext, record: TracingRecord): void {
  requireArea(ctx, withoutUndefined(record.area));
}

function orderMessage(order: IsolationOrder): OrderMessage {
  const next = order.tests
    .filter((t) => t.status === 'open')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  return {
    orderId: order.orderId,
    kind: order.kind,
    reason: order.reason,
    level: order.level ?? -1,
    tier: order.tier ?? '',
    startsOn: order.startsOn,
    endsOn: order.endsOn ?? '',
    status: order.status,
    endedOn: order.endedOn ?? '',
    endReason: order.endReason ?? '',
    facilityId: order.facilityId ?? '',
    facilityName: order.facilityName ?? '',
    waitlisted: order.waitlisted ?? false,
    ruleSetId: order.ruleSetId,
    tests: order.tests.map((t) => ({ orderId: t.orderId, day: t.day, dueOn: t.dueOn, status: t.status })),
    nextTestOn: next?.dueOn ?? '',
  };
}

function caseMessage(record: TracingRecord, episode: CaseEpisode): CaseView {
  const treatment = record.orders.filter((o) => o.caseId === episode.caseId && o.kind === 'treatment').at(-1);
  return {
    caseId: episode.caseId,
    personId: record.personId,
    episode: episode.episode,
    status: episode.status,
    foundIn: episode.foundIn,
    confirmedAt: episode.confirmedAt,
    infectiousFrom: episode.infectiousFrom,
    infectiousUntil: episode.infectiousUntil,
    symptomOnset: episode.symptomOnset ?? '',
    severity: episode.severity ?? '',
    likelySourcePersonId: episode.likelySourcePersonId ?? '',
    clusterId: episode.clusterId,
    districtCode: episode.districtCode,
    wardCode: episode.wardCode ?? '',
    resultIds: episode.positives.map((p) => p.resultId),
    sampleIds: [...new Set(episode.positives.map((p) => p.sampleId))],
    closedOn: episode.closedOn ?? '',
    treatment: treatment ? orderMessage(treatment) : null,
    contacts: record.contacts.length,
  };
}

function recordMessage(record: TracingRecord, releaseStatus: string): PersonRecord {
  const c = record.classification;
  return {
    personId: record.personId,
    districtCode: record.area.districtCode,
    wardCode: record.area.wardCode ?? '',
    classification: c.level === null ? '' : `F${c.level}`,
    level: c.level ?? -1,
    path: c.path,
    rootCaseId: c.rootCaseId ?? '',
    clusterId: c.clusterId ?? '',
    sourcePersonId: c.sourcePersonId ?? '',
    lastExposureOn: c.lastExposureOn ?? '',
    cases: record.cases.map((e) => caseMessage(record, e)),
    exposures: record.exposures.map((e) => ({
      sourcePersonId: e.sourcePersonId,
      contactType: e.contactType,
      lastExposureOn: e.lastExposureOn,
      via: e.via,
      sourceLevel: e.source.level ?? -1,
    })),
    contacts: record.contacts.map((k) => ({
      contactPersonId: k.contactPersonId,
      contactType: k.contactType,
      lastExposureOn: k.lastExposureOn,
      via: k.via,
      recordedBy: k.recordedBy,
    })),
    pendingContacts: record.pendingContacts.map((p) => ({
      contactRef: p.contactRef,
      fullName: p.details.fullName,
      contactType: p.contactType,
      lastExposureOn: p.lastExposureOn,
      candidates: p.candidates ?? [],
    })),
    orders: record.orders.map(orderMessage),
    arrivals: record.arrivals.map((a) => ({
      fromAreaCode: a.fromAreaCode,
      fromAreaName: a.fromAreaName ?? '',
      arrivedOn: a.arrivedOn,
      epidemicArea: a.epidemicArea,
    })),
    releaseStatus,
    resultIds: record.results.map((r) => r.resultId),
  };
}

function taskMessage(task: TracingTask, now: Date): TaskMessage {
  return {
    taskId: task.taskId,
    kind: task.kind,
    status: task.status,
    districtCode: task.districtCode,
    wardCode: task.wardCode ?? '',
    personId: task.personId ?? '',
    caseId: task.caseId ?? '',
    contactRef: task.contactRef ?? '',
    candidates: task.candidates ?? [],
    candidate: task.candidate ?? null,
    tip: task.tip
      ? {
          description: task.tip.description,
          reporterPhone: task.tip.reporterPhone ?? '',
          place: task.tip.place ?? '',
          personId: task.tip.personId ?? '',
        }
      : null,
    createdAt: task.createdAt,
    dueAt: task.dueAt,
    overdue: isOverdue(task, now),
    claimedBy: task.claimedBy ?? '',
    outcome: task.outcome ?? '',
    note: task.note ?? '',
    completedAt: task.completedAt ?? '',
    history: task.history.map((h) => ({
      at: h.at,
      by: h.by,
      action: h.action,
      outcome: h.outcome ?? '',
      note: h.note ?? '',
      toWardCode: h.toWardCode ?? '',
    })),
  };
}

function facilityMessage(f: FacilityState): FacilityMessage {
  return {
    facilityId: f.facilityId,
    name: f.name,
    districtCode: f.districtCode,
    wardCode: f.wardCode ?? '',
    accepts: f.accepts,
    capacity: f.capacity,
    occupied: f.occupants.length,
    free: freeBeds(f),
    servesWholeCity: f.servesWholeCity === true,
  };
}

function rowResults(outcomes: readonly ContactOutcome[], indexes: readonly number[]): RowResult[] {
  return outcomes.map((o) => ({
    index: indexes[o.index] ?? o.index,
    status: o.status,
    contactId: o.contactId ?? '',
    contactRef: o.contactRef ?? '',
    ...(o.fields
      ? {
          rejected: {
            fieldViolations: o.fields.map((f) => ({
              ...f,
              field: f.field.replace(/^contacts\.\d+\./, 'contact.'),
            })),
          },
        }
      : {}),
    errorCode: o.status === 'rejected' ? 'INVALID_ARGUMENT' : '',
  }));
}

function rejectedRow(index: number, fields: readonly FieldViolation[], code: string): RowResult {
  return { index, status: 'rejected', rejected: { fieldViolations: [...fields] }, errorCode: code };
}

/** Rows a bulk call works on at once. */
const BATCH = 200;

export interface CaseGraphDesks {
  tracing: TracingDesk;
  tasks: TaskQueue;
  placement: PlacementDesk;
  logs: ExposureLogDesk;
  views: GraphViews;
  rules: RuleSetDesk;
}

export function caseGraphHandlers(desks: CaseGraphDesks, units: AdminUnits, now: () => Date) {
  const { tracing, tasks, placement, logs, views, rules } = desks;
  const contactInput = contactInputSchema(units);
  const origin = (ctx: CallContext) => ({ correlationId: ctx.correlationId });

  async function recordIn(ctx: CallContext, personId: string): Promise<TracingRecord> {
    const found = await tracing.getRecord(personId);
    if (!found)
      throw new DomainError('PERSON_NOT_TRACED', 'not_found', `no tracing record of ${personId}`, {
        fields: [{ field: 'personId', description: `no tracing record of ${personId}` }],
      });
    requireRecordArea(ctx, found.state);
    return found.state;
  }

  async function caseIn(
    ctx: CallContext,
    caseId: string,
  ): Promise<{ record: TracingRecord; episode: CaseEpisode }> {
    const record = await recordIn(ctx, personOfCase(caseId)).catch((error: unknown) => {
      if (error instanceof DomainError && error.kind === 'not_found') throw noCase(caseId);
      throw error;
    });
    const episode = record.cases.find((c) => c.caseId === caseId);
    if (!episode) throw noCase(caseId);
    return { record, episode };
  }

  const caseOf = (record: TracingRecord, caseId: string): CaseView => {
    const episode = record.cases.find((c) => c.caseId === caseId);
    if (!episode) throw noCase(caseId);
    return caseMessage(record, episode);
  };

  const cases = {
    GetCase: unary(z.object({ caseId: requiredText }), async (request, ctx) => {
      requireRole(ctx, ...TRACERS);
      const { record, episode } = await caseIn(ctx, request.caseId);
      return caseMessage(record, episode);
    }),
    ListCases: unary(
      z.object({
        districtCode,
        wardCode,
        status: optionalText.pipe(z.enum(['active', 'recovered', 'died', 'reverted']).optional()),
      }),
      async (request, ctx) => {
        requireRole(ctx, ...TRACERS);
        const area = requestedArea(ctx, units, request);
        const records = await tracing.casesIn(area, request.status);
        return {
          cases: records.flatMap((r) =>
            r.cases
              .filter((c) => !request.status || c.status === request.status)
              .map((c) => caseMessage(r, c)),
          ),
        };
      },
    ),
    UpdateCase: unary(
      z.object({
        caseId: requiredText,
        symptomOnset: optionalDay,
        severity: optionalText.pipe(severityEnum.optional()),
      }),
      async (request, ctx) => {
        requireRole(ctx, ...TRACERS);
        await caseIn(ctx, request.caseId);
        const record = await tracing.updateCase({ ...request, updatedBy: ctx.caller.sub }, origin(ctx));
        return caseOf(record, request.caseId);
      },
    ),
    RecordRecovery: unary(z.object({ caseId: requiredText, recoveredOn: day }), async (request, ctx) => {
      requireRole(ctx, ...SUPERVISORS);
      await caseIn(ctx, request.caseId);
      const record = await tracing.recordRecovery({ ...request, recordedBy: ctx.caller.sub }, origin(ctx));
      return caseOf(record, request.caseId);
    }),
    RecordDeath: unary(z.object({ caseId: requiredText, diedOn: day }), async (request, ctx) => {
      requireRole(ctx, ...SUPERVISORS);
      await caseIn(ctx, request.caseId);
      const record = await tracing.recordDeath({ ...request, recordedBy: ctx.caller.sub }, origin(ctx));
      return caseOf(record, request.caseId);
    }),
    GetPerson: unary(z.object({ personId: requiredText }), async (request, ctx) => {
      requireRole(ctx, ...TRACERS);
      const record = await recordIn(ctx, request.personId);
      return recordMessage(record, tracing.releaseStatus(record));
    }),
    GetChain: unary(z.object({ personId: requiredText }), async (request, ctx) => {
      requireRole(ctx, ...TRACERS);
      await recordIn(ctx, request.personId);
      const chain = await views.chain(request.personId);
      const link = (l: (typeof chain.ancestors)[number]) => ({
        personId: l.personId,
        caseId: l.caseId ?? '',
        level: l.level ?? -1,
        infectedBy: l.infectedBy ?? '',
        generation: l.generation,
        confirmedAt: l.confirmedAt ?? '',
        foundIn: l.foundIn ?? '',
      });
      return {
        personId: chain.personId,
        ancestors: chain.ancestors.map(link),
        descendants: chain.descendants.map(link),
        contacts: chain.contacts.map((c) => ({ ...c, level: c.level ?? -1 })),
      };
    }),
    GetCluster: unary(z.object({ clusterId: requiredText }), async (request, ctx) => {
      requireRole(ctx, 'district_center', 'city', 'admin');
      const cluster = await views.cluster(request.clusterId);
      // A district sees a cluster when it holds one of its cases; the city sees every cluster.
      if (
        ctx.caller.jurisdiction.level !== 'city' &&
        !cluster.cases.some((c) => c.record.area.districtCode === ctx.caller.jurisdiction.code)
      )
        requireArea(ctx, withoutUndefined(cluster.cases[0]?.record.area ?? {}));
      return {
        clusterId: cluster.clusterId,
        cases: cluster.cases.map((c) => caseMessage(c.record, c.episode)),
        members: cluster.members.map((m) => ({
          personId: m.personId,
          level: m.level ?? -1,
          sourcePersonId: m.sourcePersonId ?? '',
          wardCode: m.wardCode ?? '',
        })),
        levels: cluster.levels,
      };
    }),
    GetContacts: unary(
      z.object({
        personId: requiredText,
        depth: z
          .number()
          .int()
          .min(0)
          .max(5, 'at most 5')
          .transform((d) => (d === 0 ? 2 : d)),
      }),
      async (request, ctx) => {
        requireRole(ctx, ...TRACERS);
        await recordIn(ctx, request.personId);
        const { reached, truncated } = await views.contacts(request.personId, request.depth);
        return {
          personId: request.personId,
          contacts: reached.map((c) => ({ ...c, level: c.level ?? -1 })),
          truncated,
        };
      },
    ),
    GetVenueGraph: unary(
      z
        .object({ venueId: requiredText, fromDay: day, toDay: day })
        .refine((r) => r.fromDay <= r.toDay, { path: ['toDay'], message: 'is before fromDay' }),
      async (request, ctx) => {
        requireRole(ctx, 'district_center', 'city', 'admin');
        const graph = await logs.venueGraph(request.venueId, request.fromDay, request.toDay);
        return {
          venueId: request.venueId,
          visits: graph.visits.map((v) => ({
            personId: v.personId,
            from: v.from,
            to: v.to,
            level: v.level ?? -1,
          })),
          candidates: graph.candidates,
        };
      },
    ),
  };

  const contacts = {
    RecordContacts: unary(
      z.object({
        personId: requiredText,
        contacts: z.array(contactInput).min(1, 'name at least one contact').max(500),
      }),
      async (request, ctx) => {
        requireRole(ctx, ...TRACERS);
        await recordIn(ctx, request.personId);
        const outcomes = await tracing.recordContacts(
          request.personId,
          request.contacts,
          { via: 'tracer', recordedBy: ctx.caller.sub, allOrNothing: true },
          origin(ctx),
        );
        return {
          outcomes: outcomes.map((o) => ({
            index: o.index,
            status: o.status,
            contactId: o.contactId ?? '',
            contactRef: o.contactRef ?? '',
          })),
        };
      },
    ),
    ImportContacts: clientStream(
      z.object({ sourcePersonId: requiredText, contact: contactInput }),
      async (items, ctx) => {
        requireRole(ctx, ...TRACERS);
        const results: RowResult[] = [];
        let batch: Array<{ index: number; sourcePersonId: string; contact: ContactInput }> = [];
        const flush = async (): Promise<void> => {
          const bySource = new Map<string, typeof batch>();
          for (const row of batch)
            bySource.set(row.sourcePersonId, [...(bySource.get(row.sourcePersonId) ?? []), row]);
          for (const [source, rows] of bySource) {
            try {
              await recordIn(ctx, source);
              const outcomes = await tracing.recordContacts(
                source,
                rows.map((r) => r.contact),
                { via: 'import', recordedBy: ctx.caller.sub, allOrNothing: false },
                origin(ctx),
              );
              results.push(
                ...rowResults(
                  outcomes,
                  rows.map((r) => r.index),
                ),
              );
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              const fields =
                error.fields.length > 0
                  ? error.fields
                  : [{ field: 'sourcePersonId', description: error.message }];
              results.push(
                ...rows.map((r) =>
                  rejectedRow(
                    r.index,
                    fields.map((f) => ({ ...f, field: f.field === 'personId' ? 'sourcePersonId' : f.field })),
                    error.code,
                  ),
                ),
              );
            }
          }
          batch = [];
        };
        for await (const item of items) {
          if (!item.ok) {
            results.push(rejectedRow(item.index, item.fields, 'INVALID_ARGUMENT'));
            continue;
          }
          batch.push({ index: item.index, ...item.value });
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        results.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
        const rejected = results.filter((r) => r.status === 'rejected').length;
        return { accepted: results.length - rejected, rejected, results };
      },
    ),
    ImportVenueCheckIns: clientStream(
      z
        .object({
          venueId: requiredText,
          venueName: optionalText,
          personId: requiredText,
          from: time,
          to: time,
        })
        .refine((v) => Date.parse(v.from) < Date.parse(v.to), { path: ['to'], message: 'is not after from' }),
      async (items, ctx) => {
        requireRole(ctx, ...SUPERVISORS);
        const results: RowResult[] = [];
        const visits = [];
        for await (const item of items) {
          if (!item.ok) results.push(rejectedRow(item.index, item.fields, 'INVALID_ARGUMENT'));
          else {
            const { venueName, ...visit } = item.value;
            visits.push({ ...visit, ...(venueName ? { venueName } : {}) });
            results.push({ index: item.index, status: 'recorded' });
          }
        }
        const candidates = await logs.importVisits(visits);
        return { accepted: visits.length, rejected: results.length - visits.length, candidates, results };
      },
    ),
    ImportProximityLogs: clientStream(
      z
        .object({ personA: requiredText, personB: requiredText, from: time, to: time })
        .refine((p) => p.personA !== p.personB, {
          path: ['personB'],
          message: 'is the same person as personA',
        })
        .refine((p) => Date.parse(p.from) < Date.parse(p.to), { path: ['to'], message: 'is not after from' }),
      async (items, ctx) => {
        requireRole(ctx, ...SUPERVISORS);
        const results: RowResult[] = [];
        const list = [];
        for await (const item of items) {
          if (!item.ok) results.push(rejectedRow(item.index, item.fields, 'INVALID_ARGUMENT'));
          else {
            list.push(item.value);
            results.push({ index: item.index, status: 'recorded' });
          }
        }
        const candidates = await logs.importProximity(list);
        return { accepted: list.length, rejected: results.length - list.length, candidates, results };
      },
    ),
    RegisterArrival: unary(
      z.object({
        personId: requiredText,
        fromAreaCode: z
          .string()
          .trim()
          .regex(/^\d{2,3}$/, 'a GSO province (2 digits) or district (3 digits) code'),
        arrivedOn: day,
      }),
      async (request, ctx) => {
        requireRole(ctx, ...TRACERS);
        // Checked before anything is written: the person's area from their record or the registry.
        const area = await tracing.areaOf(request.personId);
        if (area) requireArea(ctx, withoutUndefined(area));
        const record = await tracing.registerArrival(
          request.personId,
          { fromAreaCode: request.fromAreaCode, arrivedOn: request.arrivedOn, recordedBy: ctx.caller.sub },
          origin(ctx),
        );
        requireRecordArea(ctx, record);
        return recordMessage(record, tracing.releaseStatus(record));
      },
    ),
  };

  const isolation = {
    RegisterFacility: unary(
      z.object({
        facilityId: requiredText,
        name: requiredText,
        districtCode: z.string().regex(/^\d{3}$/, 'a 3-digit district code'),
        wardCode,
        accepts: z
          .array(z.enum(BED_KINDS))
          .min(1, 'say which beds it has: centralized_quarantine, tier1, tier2, tier3'),
        capacity: z.number().int().min(1, 'at least 1 bed').max(100_000),
        servesWholeCity: z.boolean().optional(),
      }),
      async (request, ctx) => {
        requireRole(ctx, ...SUPERVISORS);
        // Beds open to every district are the city's to give.
        requireArea(ctx, request.servesWholeCity ? {} : { districtCode: request.districtCode });
        if (request.wardCode && units.ward(request.wardCode)?.parentCode !== request.districtCode)
          throw new DomainError('WARD_NOT_IN_DISTRICT', 'invalid', 'the ward is not in the district', {
            fields: [{ field: 'wardCode', description: `is not a ward of district ${request.districtCode}` }],
          });
        const { wardCode: ward, servesWholeCity, ...rest } = request;
        return facilityMessage(
          await placement.registerFacility({
            ...rest,
            ...(ward ? { wardCode: ward } : {}),
            ...(servesWholeCity ? { servesWholeCity } : {}),
            registeredBy: ctx.caller.sub,
          }),
        );
      },
    ),
    SetFacilityCapacity: unary(
      z.object({ facilityId: requiredText, capacity: z.number().int().min(0).max(100_000) }),
      async (request, ctx) => {
        requireRole(ctx, ...SUPERVISORS);
        const found = (await placement.list()).find((f) => f.facilityId === request.facilityId);
        if (found) requireArea(ctx, { districtCode: found.districtCode });
        return facilityMessage(await placement.setCapacity(request.facilityId, request.capacity));
      },
    ),
    ListFacilities: unary(z.object({ districtCode }), async (request, ctx) => {
      requireRole(ctx, ...TRACERS);
      return { facilities: (await placement.list(request.districtCode)).map(facilityMessage) };
    }),
    ListInIsolation: unary(
      z.object({
        districtCode,
        wardCode,
        kind: optionalText.pipe(
          z.enum(['treatment', 'centralized_quarantine', 'home_quarantine', 'self_monitoring']).optional(),
        ),
      }),
      async (request, ctx) => {
        requireRole(ctx, ...TRACERS);
        const area = requestedArea(ctx, units, request);
        const records = await tracing.isolatedIn(area);
        return {
          people: records.flatMap((r) => {
            const order = activeOrder(r);
            if (!order || (request.kind && order.kind !== request.kind)) return [];
            const message = orderMessage(order);
            return [
              {
                personId: r.personId,
                level: r.classification.level ?? -1,
                order: message,
                nextTestOn: message.nextTestOn ?? '',
                releaseOn: order.endsOn ?? '',
                releaseStatus: tracing.releaseStatus(r),
              },
            ];
          }),
        };
      },
    ),
    ListWaiting: unary(z.object({}), async (_request, ctx) => {
      requireRole(ctx, ...SUPERVISORS);
      const area = callerArea(ctx, units);
      return {
        orders: (await placement.waitingList())
          .filter((w) => !area.districtCode || w.districtCode === area.districtCode)
          .map((w) => ({
            orderId: w.orderId,
            personId: w.personId,
            need: w.need,
            districtCode: w.districtCode ?? '',
            since: w.since,
          })),
      };
    }),
    ReleaseDue: unary(z.object({}), async (_request, ctx) => {
      requireRole(ctx, 'city', 'admin');
      return tracing.releaseDue(origin(ctx));
    }),
  };

  const tracingQueue = {
    ListTasks: unary(
      z.object({
        districtCode,
        wardCode,
        status: optionalText.pipe(z.enum(['open', 'claimed', 'done']).optional()),
        kind: optionalText.pipe(z.enum(TASK_KINDS).optional()),
        overdueOnly: z.boolean().default(false),
      }),
      async (request, ctx) => {
        requireRole(ctx, ...TRACERS);
        const area = requestedArea(ctx, units, request);
        const list = await tasks.list(area, {
          statuses: request.status ? [request.status] : ['open', 'claimed'],
          ...(request.kind ? { kind: request.kind } : {}),
          overdueOnly: request.overdueOnly,
        });
        const at = now();
        return {
          tasks: list.map((t) => taskMessage(t, at)),
          overdue: list.filter((t) => isOverdue(t, at)).length,
        };
      },
    ),
    ClaimTask: unary(z.object({ taskId: requiredText }), async (request, ctx) => {
      requireRole(ctx, ...TRACERS);
      const task = await tasks.get(request.taskId);
      requireArea(ctx, withoutUndefined(task));
      return taskMessage(await tasks.claim(request.taskId, ctx.caller.sub), now());
    }),
    CompleteTask: unary(
      z.object({
        taskId: requiredText,
        outcome: z.string().trim().pipe(z.enum(TASK_OUTCOMES)),
        note: optionalText.pipe(z.string().max(1000).optional()),
        movedToWardCode: wardCode,
        chosenPersonId: optionalText,
      }),
      async (request, ctx) => {
        requireRole(ctx, ...TRACERS);
        const task = await tasks.get(request.taskId);
        requireArea(ctx, withoutUndefined(task));
        let movedTo: { districtCode: string; wardCode: string } | undefined;
        if (request.movedToWardCode) {
          const ward = units.ward(request.movedToWardCode);
          if (!ward?.parentCode)
            throw new DomainError('UNKNOWN_WARD', 'invalid', `no ward ${request.movedToWardCode}`, {
              fields: [
                {
                  field: 'movedToWardCode',
                  description: `no ward ${request.movedToWardCode} in ${units.province.name}`,
                },
              ],
            });
          movedTo = { districtCode: ward.parentCode, wardCode: ward.code };
        }
        const done = await tasks.complete(
          request.taskId,
          {
            outcome: request.outcome,
            by: ctx.caller.sub,
            note: request.note,
            movedTo,
            chosenPersonId: request.chosenPersonId,
            supervisor: ctx.caller.role !== 'ward_team',
          },
          origin(ctx),
        );
        return taskMessage(done, now());
      },
    ),
    ReportTip: unary(
      z.object({
        districtCode: z.string().regex(/^\d{3}$/, 'a 3-digit district code'),
        wardCode,
        description: z.string().trim().min(5, 'say what the caller reported').max(2000),
        reporterPhone: optionalText,
        place: optionalText,
        personId: optionalText,
      }),
      async (request, ctx) => {
        requireRole(ctx, ...TRACERS);
        if (request.wardCode && units.ward(request.wardCode)?.parentCode !== request.districtCode)
          throw new DomainError('WARD_NOT_IN_DISTRICT', 'invalid', 'the ward is not in the district', {
            fields: [{ field: 'wardCode', description: `is not a ward of district ${request.districtCode}` }],
          });
        const { districtCode: d, wardCode: w, description, reporterPhone, place, personId } = request;
        requireArea(ctx, withoutUndefined({ districtCode: d, wardCode: w }));
        const task = await tasks.reportTip(
          { districtCode: d, wardCode: w },
          {
            description,
            ...(reporterPhone ? { reporterPhone } : {}),
            ...(place ? { place } : {}),
            ...(personId ? { personId } : {}),
          },
          ctx.caller.sub,
        );
        return taskMessage(task, now());
      },
    ),
  };

  const ruleSets = {
    AddRuleSet: unary(z.object({ ruleSetJson: requiredText }), async (request, ctx) => {
      requireRole(ctx, 'city', 'admin');
      const set = await rules.add(request.ruleSetJson, ctx.caller.sub);
      return {
        id: set.id,
        effectiveFrom: set.effectiveFrom,
        decision: set.decision,
        json: JSON.stringify(set),
      };
    }),
    ListRuleSets: unary(z.object({}), () => {
      const book = rules.current();
      return {
        ruleSets: book.all().map((s) => ({
          id: s.id,
          effectiveFrom: s.effectiveFrom,
          decision: s.decision,
          json: JSON.stringify(s),
        })),
        inForceToday: book.inForceOn(vietnamDay(now())).id,
      };
    }),
  };

  return { cases, contacts, isolation, tracing: tracingQueue, rules: ruleSets };
}

function noCase(caseId: string): DomainError {
  return new DomainError('CASE_NOT_FOUND', 'not_found', `no case ${caseId}`, {
    fields: [{ field: 'caseId', description: `no case ${caseId}` }],
  });
}
