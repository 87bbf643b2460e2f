/** truyvet.cases.v1.Cases: cases, persons and the chains and clusters between them. */
import { z } from 'zod';
import { severity as severityEnum } from '@truyvet/events';
import type { AdminUnits } from '@truyvet/geo';
import { requireArea, requireRole, unary } from '@truyvet/grpc';
import {
  type CaseGraphDesks,
  day,
  districtCode,
  inCallerArea,
  lookups,
  notElsewhere,
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
import { caseMessage, reachedMessage, recordMessage } from './messages';

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
      // Cases up and down the chain are shown in the caller's area only; the person's own contacts
      // are their record's, so listed, with the level of those living elsewhere left out.
      const ancestors = chain.ancestors.filter((l) => inCallerArea(ctx, l.area));
      const descendants = chain.descendants.filter((l) => inCallerArea(ctx, l.area));
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
        ancestors: ancestors.map(link),
        descendants: descendants.map(link),
        contacts: chain.contacts.map((c) => reachedMessage(c, inCallerArea(ctx, c.area))),
        withheld: chain.ancestors.length - ancestors.length + chain.descendants.length - descendants.length,
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
      // A cluster crossing districts shows a district its own cases and members only.
      const cases = cluster.cases.filter((c) => inCallerArea(ctx, c.record.area));
      const members = cluster.members.filter((m) => inCallerArea(ctx, m.area));
      return {
        clusterId: cluster.clusterId,
        cases: cases.map((c) => caseMessage(c.record, c.episode)),
        members: members.map((m) => ({
          personId: m.personId,
          level: m.level ?? -1,
          sourcePersonId: m.sourcePersonId ?? '',
          wardCode: m.wardCode ?? '',
        })),
        levels: cluster.levels,
        withheld: cluster.cases.length - cases.length + cluster.members.length - members.length,
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
        // A contact is named on the record of the person they were reached through: listed when
        // that person is the caller's, with their level only when they are the caller's too.
        const areaOf = new Map(reached.map((c) => [c.personId, c.area]));
        const shown = reached.filter(
          (c) => c.viaPersonId === request.personId || inCallerArea(ctx, areaOf.get(c.viaPersonId)),
        );
        return {
          personId: request.personId,
          contacts: shown.map((c) => reachedMessage(c, inCallerArea(ctx, c.area))),
          truncated,
          withheld: reached.length - shown.length,
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
        // Who was at a venue is shown except people living outside the caller's area (a venue is
        // anyone's; a visitor not traced yet has nothing on record to leak).
        const visits = graph.visits.filter((v) => notElsewhere(ctx, v.area));
        const candidates = graph.candidates.filter(
          (c) =>
            notElsewhere(ctx, graph.areas.get(c.sourcePersonId)) &&
            notElsewhere(ctx, graph.areas.get(c.contactPersonId)),
        );
        return {
          venueId: request.venueId,
          visits: visits.map((v) => ({
            personId: v.personId,
            from: v.from,
            to: v.to,
            level: v.level ?? -1,
          })),
          candidates,
          withheld: graph.visits.length - visits.length + graph.candidates.length - candidates.length,
        };
      },
    ),
  };
}
