/** truyvet.cases.v1.Isolation: facilities and beds, who is isolated where, the waiting list, releases. */
import { z } from 'zod';
import { DomainError } from '@truyvet/errors';
import type { AdminUnits } from '@truyvet/geo';
import { requireArea, requireRole, unary } from '@truyvet/grpc';
import { BED_KINDS } from '../../domain/facility';
import { activeOrder } from '../../domain/isolation';
import {
  callerArea,
  type CaseGraphDesks,
  districtCode,
  optionalText,
  origin,
  requestedArea,
  requiredText,
  SUPERVISORS,
  TRACERS,
  wardCode,
} from './requests';
import { facilityMessage, orderMessage } from './messages';

export function isolationService(desks: CaseGraphDesks, units: AdminUnits) {
  const { tracing, placement, tasks } = desks;

  return {
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
      const sweep = await tasks.releaseDue(origin(ctx));
      return { ...sweep, lastTestMissing: sweep.lastTestMissing.length };
    }),
  };
}
