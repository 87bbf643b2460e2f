import type * as grpc from '@grpc/grpc-js';
import { DomainError, describeViolations, fieldViolations, type FieldViolation } from '@truyvet/errors';
import type { Logger } from '@truyvet/log';
import type { z } from 'zod';
import type { Caller } from './auth';

/** What a handler gets besides its request: everything cross-cutting is already done. */
export interface CallContext {
  /** The verified identity of the caller (from its bearer token). */
  caller: Caller;
  /** From request metadata `x-correlation-id`, or made up; also in every log line inside the call. */
  correlationId: string;
  /** Full method path, e.g. `/truyvet.registry.v1.Registry/RegisterPerson`. */
  method: string;
  /** A child logger for this call (the correlation id and method come with the log context). */
  logger: Logger;
  /** The request metadata as received. */
  metadata: grpc.Metadata;
  /** The call's deadline, if the client set one. */
  deadline: Date | undefined;
  /** Aborted when the client cancels, the deadline passes or the server shuts down. Pass it on to I/O. */
  signal: AbortSignal;
}

/** One item of a client stream, validated on its own: a bad item does not fail the stream. */
export type ItemResult<T> =
  | { ok: true; index: number; value: T }
  | { ok: false; index: number; fields: FieldViolation[]; message: string };

/** A unary method: validates the request, then `fn`. Bound to a method by `GrpcServer.addService`. */
export interface UnaryHandler<Res> {
  readonly kind: 'unary';
  readonly handle: (request: unknown, ctx: CallContext) => Promise<Res>;
}

/** A client-streaming method (bulk import): `fn` gets each item's own parse result. */
export interface ClientStreamHandler<Res> {
  readonly kind: 'clientStream';
  readonly handle: (items: AsyncIterable<unknown>, ctx: CallContext) => Promise<Res>;
}

/** A server-streaming method: validates the request, then streams what `fn` yields. */
export interface ServerStreamHandler<Res> {
  readonly kind: 'serverStream';
  readonly handle: (request: unknown, ctx: CallContext) => AsyncIterable<Res>;
}

export type MethodHandler<Res> = UnaryHandler<Res> | ClientStreamHandler<Res> | ServerStreamHandler<Res>;

/** The DomainError a request that fails its schema becomes: INVALID_ARGUMENT naming every bad field. */
export function invalidRequest(error: z.ZodError, what = 'request'): DomainError {
  const fields = fieldViolations(error);
  return new DomainError('INVALID_ARGUMENT', 'invalid', `invalid ${what}: ${describeViolations(fields)}`, {
    fields,
  });
}

/**
 * Characters no name, address or note needs and that can mislead whoever reads it later: control
 * characters (tab and line breaks aside) and the bidirectional overrides and isolates that make
 * text show in another order than it is stored ("Trojan source").
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Every string of a request (at any depth) holding such a character, as a field violation. */
export function unsafeTextFields(value: unknown, path = ''): FieldViolation[] {
  if (typeof value === 'string')
    return UNSAFE_TEXT.test(value)
      ? [{ field: path || '(request)', description: 'contains a control or text-direction character' }]
      : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => unsafeTextFields(item, path ? `${path}.${i}` : String(i)));
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value))
    return Object.entries(value).flatMap(([key, field]) =>
      unsafeTextFields(field, path ? `${path}.${key}` : key),
    );
  return [];
}

/** Fields that hold a date or a time: `collectedAt`, `arrivedOn`, `birthDate`, `date`, `since`, `until`... */
const DATE_FIELD = /(At|On|Date|Until)$|^(date|since|until)$/;
/** The first cases were reported in December 2019: no fact of this system is older. */
const EARLIEST_FACT = '2019-12-01';
const EARLIEST_BIRTH = '1900-01-01';

/**
 * Every date or time of a request (by its field's name, at any depth) outside a plausible window:
 * from December 2019 (births from 1900) to a year from now. A typo such as year 0001 or 2201 is
 * refused at the door instead of becoming a case confirmed in another century.
 */
export function implausibleDateFields(value: unknown, now: Date, path = '', key = ''): FieldViolation[] {
  if (typeof value === 'string') {
    if (!DATE_FIELD.test(key) || !/^\d{4}-\d{2}-\d{2}/.test(value)) return [];
    const earliest = key === 'birthDate' ? EARLIEST_BIRTH : EARLIEST_FACT;
    const latest = new Date(now.getTime() + 366 * 86_400_000).toISOString().slice(0, 10);
    const day = value.slice(0, 10);
    return day < earliest || day > latest || Number.isNaN(Date.parse(day))
      ? [{ field: path, description: `a date from ${earliest} to ${latest}` }]
      : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) =>
      implausibleDateFields(item, now, path ? `${path}.${i}` : String(i), key),
    );
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value))
    return Object.entries(value).flatMap(([name, field]) =>
      implausibleDateFields(field, now, path ? `${path}.${name}` : name, name),
    );
  return [];
}

/** Unsafe text and the schema's own complaints, together, as INVALID_ARGUMENT; or nothing. */
function violationsOf<S extends z.ZodType>(
  schema: S,
  request: unknown,
): { ok: true; value: z.output<S> } | { ok: false; fields: FieldViolation[] } {
  const unsafe = [...unsafeTextFields(request), ...implausibleDateFields(request, new Date())];
  const parsed = schema.safeParse(request);
  if (parsed.success && unsafe.length === 0) return { ok: true, value: parsed.data };
  // One violation per field: the schema's own, more precise, where both found one.
  const fromSchema = parsed.success ? [] : fieldViolations(parsed.error);
  const named = new Set(fromSchema.map((v) => v.field));
  return { ok: false, fields: [...unsafe.filter((v) => !named.has(v.field)), ...fromSchema] };
}

function parseOrThrow<S extends z.ZodType>(schema: S, request: unknown): z.output<S> {
  const checked = violationsOf(schema, request);
  if (checked.ok) return checked.value;
  throw new DomainError(
    'INVALID_ARGUMENT',
    'invalid',
    `invalid request: ${describeViolations(checked.fields)}`,
    {
      fields: checked.fields,
    },
  );
}

/** `(request, ctx) => response`, with the request validated by `requestSchema` first. */
export function unary<S extends z.ZodType, Res>(
  requestSchema: S,
  fn: (request: z.output<S>, ctx: CallContext) => Res | Promise<Res>,
): UnaryHandler<Res> {
  return {
    kind: 'unary',
    handle: async (request, ctx) => fn(parseOrThrow(requestSchema, request), ctx),
  };
}

/**
 * `(items, ctx) => response` for bulk imports: `items` yields each streamed message's own parse
 * result against `itemSchema` (with its position), so the handler reports bad rows one by one.
 */
export function clientStream<S extends z.ZodType, Res>(
  itemSchema: S,
  fn: (items: AsyncIterable<ItemResult<z.output<S>>>, ctx: CallContext) => Res | Promise<Res>,
): ClientStreamHandler<Res> {
  async function* parseEach(items: AsyncIterable<unknown>): AsyncGenerator<ItemResult<z.output<S>>> {
    let index = 0;
    for await (const item of items) {
      const checked = violationsOf(itemSchema, item);
      if (checked.ok) {
        yield { ok: true, index, value: checked.value };
      } else {
        const { fields } = checked;
        yield { ok: false, index, fields, message: `invalid item ${index}: ${describeViolations(fields)}` };
      }
      index += 1;
    }
  }
  return {
    kind: 'clientStream',
    handle: async (items, ctx) => fn(parseEach(items), ctx),
  };
}

/** `(request, ctx) => async iterable of responses`, with the request validated first. */
export function serverStream<S extends z.ZodType, Res>(
  requestSchema: S,
  fn: (request: z.output<S>, ctx: CallContext) => AsyncIterable<Res> | Iterable<Res>,
): ServerStreamHandler<Res> {
  return {
    kind: 'serverStream',
    handle: async function* (request, ctx) {
      yield* fn(parseOrThrow(requestSchema, request), ctx);
    },
  };
}
