/**
 * The tracing rule book in force: the shipped rule sets plus those added through the API (stored,
 * so every instance and every restart has them). A new rule set is validated by its schema and
 * refused when it would overlap one already there; adding one takes no code change.
 */
import { DomainError, fieldViolations } from '@truyvet/errors';
import {
  RuleSetError,
  tracingRuleSetSchema,
  TracingRuleBook,
  vietnamDay,
  type TracingRuleSet,
} from '@truyvet/rules';
import { ConcurrencyError } from '@truyvet/store';
import type { RuleSetQueries, RuleSetStore } from './ports';

export class RuleSetDesk {
  private book: TracingRuleBook;

  constructor(
    private readonly store: RuleSetStore,
    private readonly queries: RuleSetQueries,
    private readonly shipped: TracingRuleBook,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.book = shipped;
  }

  /** The book decisions use now. */
  readonly current = (): TracingRuleBook => this.book;

  /** Reads the stored rule sets (at start, and now and then, for rule sets other instances added). */
  async refresh(): Promise<void> {
    const stored = await this.queries.all();
    this.book = new TracingRuleBook([...this.shipped.all(), ...stored.map((s) => s.set)]);
  }

  /**
   * Adds a rule set. One effective before today would change decisions already made (cases,
   * orders, reports of those days): it is refused unless the caller says why (`pastReason`), which
   * is kept with the set, with who added it and when.
   */
  async add(json: string, addedBy: string, pastReason?: string): Promise<TracingRuleSet> {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new DomainError(
        'RULE_SET_NOT_JSON',
        'invalid',
        `the rule set is not JSON: ${(error as Error).message}`,
        {
          fields: [{ field: 'ruleSetJson', description: 'is not JSON' }],
        },
      );
    }
    const parsed = tracingRuleSetSchema.safeParse(value);
    if (!parsed.success) {
      const fields = fieldViolations(parsed.error).map((f) => ({ ...f, field: `ruleSetJson.${f.field}` }));
      throw new DomainError(
        'RULE_SET_INVALID',
        'invalid',
        `the rule set does not fit the schema: ${fields.map((f) => `${f.field}: ${f.description}`).join('; ')}`,
        { fields },
      );
    }
    const today = vietnamDay(this.now());
    if (parsed.data.effectiveFrom < today && !pastReason)
      throw new DomainError(
        'RULE_SET_IN_THE_PAST',
        'invalid',
        `rule set ${parsed.data.id} takes effect on ${parsed.data.effectiveFrom}, before today (${today})`,
        {
          fields: [
            {
              field: 'ruleSetJson.effectiveFrom',
              description: `is before today (${today}): it would change decisions already made; give pastReason to add it all the same`,
            },
          ],
        },
      );
    await this.refresh();
    let next: TracingRuleBook;
    try {
      next = this.book.with(parsed.data);
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      throw new DomainError('RULE_SET_OVERLAPS', 'invalid', error.message, {
        fields: [{ field: 'ruleSetJson.effectiveFrom', description: error.message }],
      });
    }
    try {
      await this.store.save({
        id: parsed.data.id,
        expectedVersion: 0,
        state: {
          set: parsed.data,
          addedBy,
          addedAt: this.now().toISOString(),
          ...(parsed.data.effectiveFrom < today && pastReason ? { pastReason } : {}),
        },
        events: [],
      });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      throw new DomainError(
        'RULE_SET_EXISTS',
        'already_exists',
        `rule set ${parsed.data.id} exists already`,
        {
          fields: [{ field: 'ruleSetJson.id', description: 'is taken' }],
        },
      );
    }
    this.book = next;
    return parsed.data;
  }
}
