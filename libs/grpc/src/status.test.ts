import { describe, expect, it } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import { DomainError, type ErrorKind } from '@truyvet/errors';
import {
  BAD_REQUEST_TYPE_URL,
  STATUS_BY_KIND,
  STATUS_DETAILS_KEY,
  decodeStatusDetails,
  encodeStatusDetails,
  readErrorCode,
  readFieldViolations,
  toGrpcFailure,
} from './status';

describe('toGrpcFailure', () => {
  it('maps every error kind, and only internal to INTERNAL', () => {
    const kinds: ErrorKind[] = [
      'invalid',
      'not_found',
      'conflict',
      'already_exists',
      'unauthenticated',
      'forbidden',
      'unavailable',
      'exhausted',
      'internal',
    ];
    expect(Object.fromEntries(kinds.map((kind) => [kind, grpc.status[STATUS_BY_KIND[kind]]]))).toEqual({
      invalid: 'INVALID_ARGUMENT',
      not_found: 'NOT_FOUND',
      conflict: 'FAILED_PRECONDITION',
      already_exists: 'ALREADY_EXISTS',
      unauthenticated: 'UNAUTHENTICATED',
      forbidden: 'PERMISSION_DENIED',
      unavailable: 'UNAVAILABLE',
      exhausted: 'RESOURCE_EXHAUSTED',
      internal: 'INTERNAL',
    });
  });

  it('carries a DomainError message, code and fields in the status and its trailers', () => {
    const fields = [
      { field: 'members.3.birthYear', description: 'Too small' },
      { field: 'barcode', description: 'Required' },
    ];
    const failure = toGrpcFailure(
      new DomainError('BAD_HOUSEHOLD', 'invalid', 'bad household', { fields }),
      'c-1',
    );
    expect(failure).toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: 'bad household',
      internal: false,
    });
    expect(readFieldViolations(failure)).toEqual(fields);
    expect(readErrorCode(failure)).toBe('BAD_HOUSEHOLD');
    expect(failure.metadata.get('x-correlation-id')).toEqual(['c-1']);
  });

  it('answers the store or the broker being away as UNAVAILABLE, which clients send again', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), {
      name: 'MongoNetworkError',
    });
    const wrapped = new Error('saved, but the new heads could not be written', { cause: refused });
    for (const error of [refused, wrapped]) {
      const failure = toGrpcFailure(error, 'c-2');
      expect(failure).toMatchObject({ code: grpc.status.UNAVAILABLE, internal: false });
      expect(readErrorCode(failure)).toBe('SERVICE_UNAVAILABLE');
      expect(failure.details).toContain('send again');
      expect(failure.details).not.toContain('27017'); // nothing of the inside goes out
    }
    expect(toGrpcFailure(new Error('a bug'), 'c-3').code).toBe(grpc.status.INTERNAL);
  });

  it('bounds what goes into the trailers, so an error quoting a huge input still reaches the client', () => {
    const huge = 'x'.repeat(100_000);
    const fields = Array.from({ length: 50 }, (_, i) => ({
      field: `items.${i}.name`,
      description: `bad: ${huge}`,
    }));
    const failure = toGrpcFailure(
      new DomainError('NOT_FOUND', 'not_found', `no case ${huge}`, { fields }),
      'c-1',
    );
    expect(failure.details.length).toBeLessThanOrEqual(1_000);
    expect(failure.details).toMatch(/^no case x+…$/);
    const sent = decodeStatusDetails(failure.metadata.get(STATUS_DETAILS_KEY)[0] as Buffer);
    expect(Buffer.byteLength(failure.metadata.get(STATUS_DETAILS_KEY)[0] as Buffer)).toBeLessThan(10_000);
    expect(sent.message).toBe(failure.details);
  });

  it('never sends half a character: a message quoting emoji cut at its bound, or a lone half, still goes out', () => {
    const emoji = '🦠'.repeat(600); // 1,200 UTF-16 units
    for (const message of [`invalid request: ${emoji}`, `invalid: x\uD83E y \uDDA0`]) {
      const failure = toGrpcFailure(new DomainError('BAD', 'invalid', message), 'c-4');
      expect(() => encodeURI(failure.details)).not.toThrow(); // what grpc-js does with it
    }
    const cut = toGrpcFailure(new DomainError('BAD', 'invalid', emoji), 'c-5').details;
    expect(cut).toMatch(/^(🦠)+…$/u);
  });

  it('hides anything that is not a DomainError behind a generic message', () => {
    const failure = toGrpcFailure(new TypeError('cannot read x of undefined'), 'c-2');
    expect(failure).toMatchObject({ code: grpc.status.INTERNAL, internal: true, errorCode: 'INTERNAL' });
    expect(failure.details).toBe('internal error (correlation id c-2)');
    expect(readFieldViolations(failure)).toEqual([]);
  });
});

describe('google.rpc.Status details', () => {
  it('packs the field violations as a google.rpc.BadRequest in an Any', () => {
    const status = decodeStatusDetails(
      encodeStatusDetails(grpc.status.INVALID_ARGUMENT, 'invalid request: a: x', [
        { field: 'a', description: 'x' },
      ]),
    );
    expect(status.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(status.message).toBe('invalid request: a: x');
    expect(status.details.map((d) => d.type_url)).toEqual([BAD_REQUEST_TYPE_URL]);
  });

  it('has no details without field violations, and reads none from an error without trailers', () => {
    expect(decodeStatusDetails(encodeStatusDetails(grpc.status.NOT_FOUND, 'no such sample')).details).toEqual(
      [],
    );
    expect(readFieldViolations({ metadata: new grpc.Metadata() })).toEqual([]);
    expect(readFieldViolations({})).toEqual([]);
  });
});
