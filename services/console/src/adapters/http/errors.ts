/** Every failure as the pages read it: a status and `{ error: { code, message, fields } }`. */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { DomainError, type ErrorKind, type FieldViolation } from '@truyvet/errors';
import { readFieldViolations } from '@truyvet/grpc';

/** The JSON body of every error: what went wrong, and which fields when the input is wrong. */
export interface ErrorBody {
  error: { code: string; message: string; fields: FieldViolation[] };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_exists: 409,
  unavailable: 503,
  exhausted: 429,
  internal: 500,
};

const STATUS_OF_GRPC: Partial<Record<number, number>> = {
  [GrpcStatus.INVALID_ARGUMENT]: 400,
  [GrpcStatus.UNAUTHENTICATED]: 401,
  [GrpcStatus.PERMISSION_DENIED]: 403,
  [GrpcStatus.NOT_FOUND]: 404,
  [GrpcStatus.FAILED_PRECONDITION]: 409,
  [GrpcStatus.ALREADY_EXISTS]: 409,
  [GrpcStatus.RESOURCE_EXHAUSTED]: 429,
  [GrpcStatus.UNAVAILABLE]: 503,
  [GrpcStatus.DEADLINE_EXCEEDED]: 504,
};

const PUBLIC_MESSAGE: Partial<Record<number, string>> = {
  [GrpcStatus.PERMISSION_DENIED]: 'not in your area or role',
  [GrpcStatus.UNAUTHENTICATED]: 'sign in again',
  [GrpcStatus.UNAVAILABLE]: 'a service is unavailable for a moment; try again',
  [GrpcStatus.DEADLINE_EXCEEDED]: 'a service took too long; try again',
};

export function errorResponse(error: unknown): { status: number; body: ErrorBody } | undefined {
  if (error instanceof HttpError)
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, fields: [] } },
    };
  if (error instanceof DomainError)
    return {
      status: STATUS_OF_KIND[error.kind],
      body: { error: { code: error.code, message: error.message, fields: [...error.fields] } },
    };
  const grpcCode = (error as { code?: unknown }).code;
  const details = (error as { details?: unknown }).details;
  if (typeof grpcCode === 'number' && STATUS_OF_GRPC[grpcCode] !== undefined && typeof details === 'string') {
    // What a refusal or an outage says inside (whose ward a case is in, which address is down) is
    // not for the browser: those get a fixed message, the rest (wrong input, a state) their own.
    const message = PUBLIC_MESSAGE[grpcCode] ?? details;
    const fields = readFieldViolations(error as Parameters<typeof readFieldViolations>[0]);
    return {
      status: STATUS_OF_GRPC[grpcCode] ?? 500,
      body: { error: { code: GrpcStatus[grpcCode] ?? 'UNKNOWN', message, fields } },
    };
  }
  if (error instanceof URIError)
    return {
      status: 400,
      body: { error: { code: 'BAD_ENCODING', message: 'a malformed percent-encoding', fields: [] } },
    };
  return undefined;
}

/**
 * A service's field errors under the form's own field names, so each shows at the field the user
 * typed (the service names its request's fields).
 */
export async function withFormFields<T>(work: Promise<T>, formField: (field: string) => string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const known = errorResponse(error);
    if (known?.status !== 400 || known.body.error.fields.length === 0) throw error;
    const { code, message, fields } = known.body.error;
    throw new DomainError(code, 'invalid', message, {
      fields: fields.map((f) => ({ ...f, field: formField(f.field) })),
    });
  }
}
