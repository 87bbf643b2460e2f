import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { DomainError, isInfrastructureFailure, type ErrorKind, type FieldViolation } from '@truyvet/errors';
import { Root, type Type } from 'protobufjs';
import type { BadRequest__Output } from './generated/google/rpc/BadRequest';
import type { Status__Output } from './generated/google/rpc/Status';
import { PROTOS_DIR } from './proto';

/** Request metadata carrying the correlation id; echoed in the response's initial metadata and trailers. */
export const CORRELATION_ID_KEY = 'x-correlation-id';
/** Trailer carrying a failed call's DomainError code (e.g. `SAMPLE_ALREADY_RESULTED`), for tools and tests. */
export const ERROR_CODE_KEY = 'x-error-code';
/** The standard trailer of the richer error model: a serialized `google.rpc.Status`. */
export const STATUS_DETAILS_KEY = 'grpc-status-details-bin';
export const BAD_REQUEST_TYPE_URL = 'type.googleapis.com/google.rpc.BadRequest';

/** THE mapping from error kinds to gRPC status codes. Nothing else picks a status code for an error. */
export const STATUS_BY_KIND: Readonly<Record<ErrorKind, grpc.status>> = {
  invalid: grpc.status.INVALID_ARGUMENT,
  not_found: grpc.status.NOT_FOUND,
  conflict: grpc.status.FAILED_PRECONDITION,
  already_exists: grpc.status.ALREADY_EXISTS,
  unauthenticated: grpc.status.UNAUTHENTICATED,
  forbidden: grpc.status.PERMISSION_DENIED,
  unavailable: grpc.status.UNAVAILABLE,
  exhausted: grpc.status.RESOURCE_EXHAUSTED,
  internal: grpc.status.INTERNAL,
};

/** A failed call as it goes on the wire, plus what the server needs to log it. */
export interface GrpcFailure {
  code: grpc.status;
  /** The status message the client sees. */
  details: string;
  /** Trailers: the correlation id, the error code and `grpc-status-details-bin`. */
  metadata: grpc.Metadata;
  /** The DomainError code, or `INTERNAL` for an unknown error. */
  errorCode: string;
  /** A bug or an unknown failure: log it with its stack; the client only gets a generic message. */
  internal: boolean;
}

/**
 * Status messages and field violations travel in HTTP/2 trailers, which clients cap (grpc-js: 16 KB
 * by default): a message quoting a 100 KB input would make the call hang until its deadline
 * instead of failing. So they are cut to these lengths, with an ellipsis.
 */
const MAX_MESSAGE = 1_000;
const MAX_DESCRIPTION = 300;
const MAX_FIELDS = 20;

/** Lone halves of a surrogate pair: grpc-js cannot send them in a status (encodeURI throws). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * At most `max` UTF-16 units, never cutting a character in two, and well formed: a message may
 * quote what the caller sent (a JSON parser's error does), and that may hold anything.
 */
export function bounded(text: string, max: number): string {
  const whole = text.replace(LONE_SURROGATE, '\uFFFD');
  if (whole.length <= max) return whole;
  const cut = whole.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/**
 * Turns anything a handler threw into the status the client gets. DomainErrors map by kind (their
 * fields also go out as a google.rpc.BadRequest); anything else, and DomainErrors of kind
 * `internal`, become INTERNAL with a generic message that names the correlation id and nothing else;
 * the store or the broker away becomes UNAVAILABLE (`SERVICE_UNAVAILABLE`), which clients retry.
 */
export function toGrpcFailure(error: unknown, correlationId: string): GrpcFailure {
  // The store or the broker away for a moment (a restart, a failover): nothing is wrong with the
  // request, and the client is told to send it again, not that the service is broken.
  if (!(error instanceof DomainError) && isInfrastructureFailure(error))
    return toGrpcFailure(
      new DomainError(
        'SERVICE_UNAVAILABLE',
        'unavailable',
        `a server this service depends on is not answering for the moment: send again (correlation id ${correlationId})`,
      ),
      correlationId,
    );
  const known = error instanceof DomainError && error.kind !== 'internal';
  const code = known ? STATUS_BY_KIND[error.kind] : grpc.status.INTERNAL;
  const details = known
    ? bounded(error.message, MAX_MESSAGE)
    : `internal error (correlation id ${correlationId})`;
  // Fields beyond the first few add nothing a person reads, and every byte goes in a header.
  const fields = known
    ? error.fields
        .slice(0, MAX_FIELDS)
        .map((f) => ({ field: bounded(f.field, 200), description: bounded(f.description, MAX_DESCRIPTION) }))
    : [];
  const errorCode = known ? error.code : 'INTERNAL';
  const metadata = new grpc.Metadata();
  metadata.set(CORRELATION_ID_KEY, correlationId);
  metadata.set(ERROR_CODE_KEY, errorCode);
  metadata.set(STATUS_DETAILS_KEY, encodeStatusDetails(code, details, fields));
  return { code, details, metadata, errorCode, internal: !known };
}

interface RichErrorTypes {
  Status: Type;
  BadRequest: Type;
}

let richErrorTypes: RichErrorTypes | undefined;

/** protobufjs types of protos/google/rpc (loaded once, on first use). */
function types(): RichErrorTypes {
  if (!richErrorTypes) {
    const root = new Root();
    // Resolve imports against protos/ like proto-loader does (google/protobuf/* come bundled with protobufjs).
    root.resolvePath = (_origin, target) =>
      path.isAbsolute(target) ? target : path.join(PROTOS_DIR, target);
    root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: false });
    richErrorTypes = {
      Status: root.lookupType('google.rpc.Status'),
      BadRequest: root.lookupType('google.rpc.BadRequest'),
    };
  }
  return richErrorTypes;
}

/** A serialized google.rpc.Status; with a google.rpc.BadRequest detail when there are field violations. */
export function encodeStatusDetails(
  code: grpc.status,
  message: string,
  fields: readonly FieldViolation[] = [],
): Buffer {
  const { Status, BadRequest } = types();
  const details =
    fields.length === 0
      ? []
      : [
          {
            // google/protobuf/any.proto is bundled with protobufjs as JSON, so its fields keep snake_case.
            type_url: BAD_REQUEST_TYPE_URL,
            value: BadRequest.encode(
              BadRequest.fromObject({
                fieldViolations: fields.map((f) => ({ field: f.field, description: f.description })),
              }),
            ).finish(),
          },
        ];
  return Buffer.from(Status.encode(Status.fromObject({ code, message, details })).finish());
}

/** Decodes a serialized google.rpc.Status (the `grpc-status-details-bin` trailer). */
export function decodeStatusDetails(bytes: Uint8Array): Status__Output {
  const { Status } = types();
  return Status.toObject(Status.decode(bytes), {
    defaults: true,
    longs: String,
    enums: String,
  }) as Status__Output;
}

/** Anything that carries trailers: a grpc-js ServiceError, or the GrpcFailure made above. */
export interface WithTrailers {
  metadata?: grpc.Metadata | null;
}

/** Client side: the google.rpc.Status a failed call carried in `grpc-status-details-bin`, if any. */
export function readStatusDetails(error: WithTrailers): Status__Output | undefined {
  const [bytes] = error.metadata?.get(STATUS_DETAILS_KEY) ?? [];
  return bytes instanceof Buffer ? decodeStatusDetails(bytes) : undefined;
}

/** Client side: the field violations of a failed call's google.rpc.BadRequest detail (none if absent). */
export function readFieldViolations(error: WithTrailers): FieldViolation[] {
  const { BadRequest } = types();
  const status = readStatusDetails(error);
  if (!status) return [];
  return status.details
    .filter((any) => any.type_url === BAD_REQUEST_TYPE_URL)
    .flatMap((any) => {
      const badRequest = BadRequest.toObject(BadRequest.decode(any.value), {
        defaults: true,
      }) as BadRequest__Output;
      return badRequest.fieldViolations.map((v) => ({ field: v.field, description: v.description }));
    });
}

/** Client side: the DomainError code of a failed call (`x-error-code` trailer), if any. */
export function readErrorCode(error: WithTrailers): string | undefined {
  const [value] = error.metadata?.get(ERROR_CODE_KEY) ?? [];
  return typeof value === 'string' ? value : undefined;
}
