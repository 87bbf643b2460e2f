import { z } from 'zod';
import type { AdminUnits } from '@truyvet/geo';
import { requireArea, requireRole, unary } from '@truyvet/grpc';
import type { Worklists } from '../app/worklists';
import { isOverdueOrder } from '../domain/worklist';

export function worklistHandlers(worklists: Worklists, units: AdminUnits, now: () => Date) {
  return {
    ListWorklist: unary(
      z
        .object({
          districtCode: z
            .string()
            .refine((c) => units.district(c) !== undefined, { message: 'not a district of the city' }),
          wardCode: z
            .string()
            .optional()
            .transform((s) => (s ? s : undefined)),
        })
        .refine((r) => r.wardCode === undefined || units.ward(r.wardCode)?.parentCode === r.districtCode, {
          message: 'not a ward of that district',
          path: ['wardCode'],
        }),
      async (request, ctx) => {
        requireRole(ctx, 'district_center', 'ward_team', 'city', 'admin');
        requireArea(ctx, {
          districtCode: request.districtCode,
          ...(request.wardCode ? { wardCode: request.wardCode } : {}),
        });
        const at = now();
        const entries = await worklists.worklist(request.districtCode, request.wardCode);
        return {
          items: entries.map((e) => ({
            orderId: e.order.orderId,
            personId: e.order.personId,
            reason: e.order.reason,
            dueBy: e.order.dueBy,
            overdue: isOverdueOrder(e, at),
            wardCode: e.wardCode,
            cause: e.order.cause ?? '',
          })),
        };
      },
    ),
  };
}
