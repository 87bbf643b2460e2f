/** truyvet.cases.v1.Cases: cases, persons and the chains and clusters between them. */
import { z } from 'zod';
import { severity as severityEnum } from '@truyvet/events';
import type { AdminUnits } from '@truyvet/geo';
import { requireArea, requireRole, unary } from '@truyvet/grpc';
import {
  type CaseGraphDesks,
  day,
  districtCode,
  lookups,
  optionalDay,
  optionalText,
  origin,
  requestedArea,
  requiredText,
  SUPERVISORS,
  TRACERS,
  wardCode,
  withoutUndefined,
} from './requests';
import { caseMessage, recordMessage } from './messages';

export function casesService(desks: CaseGraphDesks, units: AdminUnits) {
  const { tracing, logs, views } = desks;
  const { recordIn, caseIn, caseOf } = lookups(tracing);

  return {
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
}
