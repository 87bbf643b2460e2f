import { DomainError } from '@truyvet/errors';
import type { z } from 'zod';

/**
 * Effective-dated rule sets of one kind: each is in force from its date until the next one's. Every
 * set is validated by its schema; two sets from the same day (they would overlap) or with the same
 * id are refused, each with a readable reason.
 */
export class DatedBook<T extends { id: string; effectiveFrom: string; decision: string }> {
  protected readonly sets: T[];

  constructor(
    readonly kind: string,
    schema: z.ZodType<T>,
    sets: readonly unknown[],
  ) {
    const parsed = sets.map((s, i) => {
      const result = schema.safeParse(s);
      if (!result.success) {
        const problems = result.error.issues
          .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
          .join('; ');
        throw new RuleSetError(`${kind} rule set ${i} does not fit the schema: ${problems}`);
      }
      return result.data;
    });
    this.sets = parsed.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    if (this.sets.length === 0) throw new RuleSetError(`a ${kind} rule book needs at least one rule set`);
    const ids = new Set<string>();
    this.sets.forEach((set, i) => {
      if (ids.has(set.id)) throw new RuleSetError(`${kind} rule set id ${set.id} is used twice`);
      ids.add(set.id);
      const previous = this.sets[i - 1];
      if (previous?.effectiveFrom === set.effectiveFrom) {
        throw new RuleSetError(
          `${kind} rule sets ${previous.id} and ${set.id} are both effective from ${set.effectiveFrom}: they overlap`,
        );
      }
    });
  }

  /** The rule set in force on `date` (the latest effective on or before it). */
  inForceOn(date: Date | string): T {
    const day = (typeof date === 'string' ? date : date.toISOString()).slice(0, 10);
    const inForce = this.sets.filter((s) => s.effectiveFrom <= day).at(-1);
    if (!inForce)
      throw new RuleSetError(
        `no ${this.kind} rule set in force on ${day} (the first is effective from ${this.sets[0]?.effectiveFrom ?? '?'})`,
        'NO_RULE_SET_IN_FORCE',
        'invalid',
      );
    return inForce;
  }

  /** Every rule set, oldest first. */
  all(): readonly T[] {
    return this.sets;
  }
}

/**
 * A rule set that does not validate or overlaps another (a book built from the shipped or stored
 * sets: the service's fault, `internal`), or none in force on a date (the request or the fact
 * asked for a day no rule decides: `invalid`, INVALID_ARGUMENT at a gRPC edge).
 */
export class RuleSetError extends DomainError {
  constructor(message: string, code = 'RULE_SET_INVALID', kind: 'internal' | 'invalid' = 'internal') {
    super(code, kind, message);
    this.name = 'RuleSetError';
  }
}
