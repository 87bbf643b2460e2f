import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { DomainError, describeViolations, fieldViolations, invalid, isRetryable } from './index';

describe('errors', () => {
  it('lists every offending field with its dotted path', () => {
    const schema = z.object({
      barcode: z.string().min(3),
      members: z.array(z.object({ birthYear: z.number().min(1900) })),
    });
    const parsed = schema.safeParse({ barcode: 'x', members: [{ birthYear: 1980 }, { birthYear: 1800 }] });
    expect(parsed.success).toBe(false);
    const fields = parsed.success ? [] : fieldViolations(parsed.error);
    expect(fields.map((f) => f.field)).toEqual(['barcode', 'members.1.birthYear']);
    expect(describeViolations(fields)).toMatch(/^barcode: .+; members\.1\.birthYear: .+$/);
  });

  it('decides retry by kind: input and state errors are final, outages are retried', () => {
    expect(isRetryable(invalid('BAD_BARCODE', 'bad barcode'))).toBe(false);
    expect(isRetryable(new DomainError('SAMPLE_ALREADY_RESULTED', 'conflict', 'already resulted'))).toBe(
      false,
    );
    expect(isRetryable(new DomainError('STORE_DOWN', 'unavailable', 'store down'))).toBe(true);
    expect(isRetryable(new Error('connection reset'))).toBe(true);
    expect(new DomainError('X', 'conflict', 'x', { retryable: true }).retryable).toBe(true);
  });
});
