import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import {
  DomainError,
  describeViolations,
  fieldViolations,
  invalid,
  isInfrastructureFailure,
  isRetryable,
} from './index';

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

  it('tells the store or the broker being away from a failure about the message', () => {
    const named = (name: string, cause?: unknown) => {
      const error = new Error(name, { cause });
      error.name = name;
      return error;
    };
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(isInfrastructureFailure(named('MongoServerSelectionError'))).toBe(true);
    expect(isInfrastructureFailure(named('MongoNetworkError'))).toBe(true);
    expect(isInfrastructureFailure(named('KafkaJSNumberOfRetriesExceeded'))).toBe(true);
    expect(isInfrastructureFailure(named('KafkaJSProtocolError'))).toBe(false);
    expect(isInfrastructureFailure(named('KafkaJSConnectionError'))).toBe(true);
    expect(isInfrastructureFailure(refused)).toBe(true);
    expect(isInfrastructureFailure(named('Error', named('Error', refused)))).toBe(true);
    expect(isInfrastructureFailure(new TypeError('x is undefined'))).toBe(false);
    expect(isInfrastructureFailure(invalid('BAD', 'bad'))).toBe(false);
    expect(isInfrastructureFailure('a string')).toBe(false);
  });
});
