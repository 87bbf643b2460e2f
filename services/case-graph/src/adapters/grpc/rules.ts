/** truyvet.cases.v1.Rules: the tracing rule sets in force and to come. */
import { z } from 'zod';
import { requireRole, unary } from '@truyvet/grpc';
import { vietnamDay } from '@truyvet/rules';
import { type CaseGraphDesks, requiredText, TRACERS } from './requests';

const addRuleSetRequest = z.object({
  ruleSetJson: requiredText,
  pastReason: z
    .string()
    .optional()
    .transform((r) => (r?.trim() ? r.trim() : undefined))
    .pipe(z.string().max(500, 'at most 500 characters').optional()),
});

export function rulesService(desks: CaseGraphDesks, now: () => Date) {
  const { rules } = desks;

  return {
    AddRuleSet: unary(addRuleSetRequest, async (request, ctx) => {
      requireRole(ctx, 'city', 'admin');
      const set = await rules.add(request.ruleSetJson, ctx.caller.sub, request.pastReason);
      return {
        id: set.id,
        effectiveFrom: set.effectiveFrom,
        decision: set.decision,
        json: JSON.stringify(set),
      };
    }),
    // The tracers apply them; a lab or a service account has no use for them.
    ListRuleSets: unary(z.object({}), (_request, ctx) => {
      requireRole(ctx, ...TRACERS);
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
}
