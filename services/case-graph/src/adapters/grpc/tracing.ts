/** truyvet.cases.v1.Tracing: the tracers' task queue and hotline tips. */
import { z } from 'zod';
import { DomainError } from '@truyvet/errors';
import type { AdminUnits } from '@truyvet/geo';
import { requireArea, requireRole, unary } from '@truyvet/grpc';
import { TASK_KINDS, TASK_OUTCOMES, isOverdue } from '../../domain/tasks';
import {
  type CaseGraphDesks,
  districtCode,
  optionalText,
  origin,
  requestedArea,
  requiredText,
  TRACERS,
  wardCode,
  withoutUndefined,
} from './requests';
import { taskMessage } from './messages';

export function tracingService(desks: CaseGraphDesks, units: AdminUnits, now: () => Date) {
  const { tasks } = desks;

  return {
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
}
