/** truyvet.cases.v1.Contacts: contacts recorded and imported, venue check-ins, proximity logs, arrivals. */
import { z } from 'zod';
import { DomainError } from '@truyvet/errors';
import type { AdminUnits } from '@truyvet/geo';
import {
  clientStream,
  requireArea,
  requireRole,
  unary,
  type CallContext,
  type ItemResult,
} from '@truyvet/grpc';
import type { RowResult } from '@truyvet/grpc/cases';
import type { ContactInput } from '../../domain/record';
import {
  BATCH,
  type CaseGraphDesks,
  contactInputSchema,
  day,
  notElsewhere,
  lookups,
  optionalText,
  origin,
  requiredText,
  requireRecordArea,
  SUPERVISORS,
  time,
  TRACERS,
  withoutUndefined,
} from './requests';
import { recordMessage, rejectedRow, rowResults } from './messages';

export function contactsService(desks: CaseGraphDesks, units: AdminUnits) {
  const { tracing, logs } = desks;
  const { recordIn } = lookups(tracing);
  const contactInput = contactInputSchema(units);
  /**
   * A stream's valid rows whose people are in the registry (or traced) and, for a ward or district,
   * live in the caller's area; a malformed row, one naming a person nobody registered, or one of a
   * person living outside the caller's area is refused with its own answer, in stream order.
   */
  async function callersOwnRows<T>(
    ctx: CallContext,
    items: AsyncIterable<ItemResult<T>>,
    people: (row: T) => ReadonlyArray<{ personId: string; field: string }>,
    ownerField: string,
  ): Promise<{ ours: T[]; results: RowResult[] }> {
    const results: RowResult[] = [];
    const rows: Array<{ index: number; value: T }> = [];
    for await (const item of items) {
      if (!item.ok) results.push(rejectedRow(item.index, item.fields, 'INVALID_ARGUMENT'));
      else rows.push({ index: item.index, value: item.value });
    }
    const areas = await tracing.areasOf(rows.flatMap((r) => people(r.value).map((p) => p.personId)));
    const ours: T[] = [];
    for (const row of rows) {
      const named = people(row.value);
      const unknown = named.filter((p) => !areas.has(p.personId));
      // The log's owner (the first named) must be the caller's; the others only need to exist.
      const owner = named[0]?.personId ?? '';
      if (unknown.length > 0) {
        const fields = unknown.map((p) => ({
          field: p.field,
          description: 'no person of the registry has this id',
        }));
        results.push(rejectedRow(row.index, fields, 'PERSON_NOT_REGISTERED'));
      } else if (ctx.caller.jurisdiction.level !== 'city' && !notElsewhere(ctx, areas.get(owner))) {
        const refused = [{ field: ownerField, description: 'not a person of your area' }];
        results.push(rejectedRow(row.index, refused, 'OUTSIDE_JURISDICTION'));
      } else {
        ours.push(row.value);
        results.push({ index: row.index, status: 'recorded' });
      }
    }
    results.sort((x, y) => (x.index ?? 0) - (y.index ?? 0));
    return { ours, results };
  }

  return {
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
        // A district imports its own people's check-ins only (the city anyone's).
        const { ours, results } = await callersOwnRows(
          ctx,
          items,
          (v) => [{ personId: v.personId, field: 'personId' }],
          'personId',
        );
        const visits = ours.map(({ venueName, ...visit }) => ({
          ...visit,
          ...(venueName ? { venueName } : {}),
        }));
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
        // A log is its phone's owner's (personA): a district imports its own people's logs only.
        const { ours: list, results } = await callersOwnRows(
          ctx,
          items,
          (l) => [
            { personId: l.personA, field: 'personA' },
            { personId: l.personB, field: 'personB' },
          ],
          'personA',
        );
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
}
