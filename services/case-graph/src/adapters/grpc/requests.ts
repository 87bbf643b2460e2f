/**
 * What every case-graph RPC shares on the way in: requests validated (proto3's '' and 0 read as
 * absent), the roles that may call, the caller's area checked against the record or area asked
 * about, and the lookups that answer NOT_FOUND in the same words everywhere.
 */
import { z } from 'zod';
import { DomainError } from '@truyvet/errors';
import { contactType } from '@truyvet/events';
import type { AdminUnits } from '@truyvet/geo';
import { coversArea, requireArea, type CallContext } from '@truyvet/grpc';
import type { CaseView } from '@truyvet/grpc/cases';
import type { ExposureLogDesk } from '../../app/exposure-log-desk';
import type { PlacementDesk } from '../../app/placement';
import type { Area } from '../../app/ports';
import type { RuleSetDesk } from '../../app/rule-sets';
import type { TaskQueue } from '../../app/task-queue';
import { personOfCase, type TracingDesk } from '../../app/tracing';
import type { GraphViews } from '../../app/views';
import type { ContactInput } from '../../domain/record';
import { caseMessage } from './messages';
import type { CaseEpisode, TracingRecord } from '../../domain/types';

export const TRACERS = ['ward_team', 'district_center', 'city', 'admin'] as const;
export const SUPERVISORS = ['district_center', 'city', 'admin'] as const;

// proto3 sends '' for fields not set: read them as absent.
export const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));
export const requiredText = z.string().trim().min(1, 'is required');
export const day = z.string().trim().pipe(z.iso.date('a day, YYYY-MM-DD'));
export const optionalDay = optionalText.pipe(z.iso.date('a day, YYYY-MM-DD').optional());
export const time = z
  .string()
  .trim()
  .pipe(z.iso.datetime({ offset: true, message: 'an RFC 3339 time, e.g. 2021-11-08T10:00:00+07:00' }));
export const districtCode = optionalText.pipe(
  z
    .string()
    .regex(/^\d{3}$/, 'a 3-digit district code')
    .optional(),
);
export const wardCode = optionalText.pipe(
  z
    .string()
    .regex(/^\d{5}$/, 'a 5-digit ward code')
    .optional(),
);

/** A contact named by details: what the registry needs to find or register them. */
export function contactDetailsSchema(units: AdminUnits) {
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
          // An empty ward code is said once, as required.
          if (a.wardCode.trim() === '') return;
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

export function contactInputSchema(units: AdminUnits) {
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
export function callerArea(ctx: CallContext, units: AdminUnits): Area {
  const { level, code } = ctx.caller.jurisdiction;
  if (level === 'ward') return { districtCode: units.ward(code)?.parentCode ?? undefined, wardCode: code };
  if (level === 'district') return { districtCode: code };
  return {};
}

/** The area a list asks for, defaulting to the caller's own, and checked against it. */
export function requestedArea(ctx: CallContext, units: AdminUnits, requested: Area): Area {
  if (!requested.districtCode && !requested.wardCode) return callerArea(ctx, units);
  // An area that does not exist is said so, not answered with an empty list.
  if (requested.districtCode && !units.district(requested.districtCode))
    throw new DomainError(
      'UNKNOWN_AREA',
      'not_found',
      `no district ${requested.districtCode} in ${units.province.name}`,
      {
        fields: [
          { field: 'districtCode', description: `no district with this code in ${units.province.name}` },
        ],
      },
    );
  if (requested.wardCode && !units.ward(requested.wardCode))
    throw new DomainError(
      'UNKNOWN_AREA',
      'not_found',
      `no ward ${requested.wardCode} in ${units.province.name}`,
      {
        fields: [{ field: 'wardCode', description: `no ward with this code in ${units.province.name}` }],
      },
    );
  const area: Area = {
    districtCode:
      requested.districtCode ??
      (requested.wardCode ? (units.ward(requested.wardCode)?.parentCode ?? undefined) : undefined),
    ...(requested.wardCode ? { wardCode: requested.wardCode } : {}),
  };
  requireArea(ctx, withoutUndefined(area));
  return area;
}

export function withoutUndefined(area: Area): { districtCode?: string; wardCode?: string } {
  return {
    ...(area.districtCode ? { districtCode: area.districtCode } : {}),
    ...(area.wardCode ? { wardCode: area.wardCode } : {}),
  };
}

/**
 * Whether a person living in `area` is the caller's to see: the city sees everyone; a district or a
 * ward only its own people, and not someone without a tracing record (fail closed).
 */
export function inCallerArea(ctx: CallContext, area: Area | undefined): boolean {
  if (ctx.caller.jurisdiction.level === 'city') return true;
  return area !== undefined && coversArea(ctx.caller, withoutUndefined(area));
}

/**
 * Whether a person is not known to live outside the caller's area: theirs, or someone case-graph
 * has no record of yet (a venue's visitor not yet traced), of whom it holds nothing to leak.
 */
export function notElsewhere(ctx: CallContext, area: Area | undefined): boolean {
  return area === undefined || inCallerArea(ctx, area);
}

export function requireRecordArea(ctx: CallContext, record: TracingRecord): void {
  requireArea(ctx, withoutUndefined(record.area));
}

export const BATCH = 200;

export interface CaseGraphDesks {
  tracing: TracingDesk;
  tasks: TaskQueue;
  placement: PlacementDesk;
  logs: ExposureLogDesk;
  views: GraphViews;
  rules: RuleSetDesk;
}

/** The lookups by id every service of case-graph's API answers with, in the caller's area. */
export function lookups(tracing: TracingDesk) {
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

  return { recordIn, caseIn, caseOf };
}

/** Where an RPC's events come from: the call's correlation id. */
export const origin = (ctx: CallContext) => ({ correlationId: ctx.correlationId });

export function noCase(caseId: string): DomainError {
  return new DomainError('CASE_NOT_FOUND', 'not_found', `no case ${caseId}`, {
    fields: [{ field: 'caseId', description: `no case ${caseId}` }],
  });
}
