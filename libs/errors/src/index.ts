import type { z } from 'zod';

/**
 * What went wrong, in terms every edge can act on: gRPC maps the kind to a status code, consumers
 * map `retryable` to retry-with-backoff or dead-letter.
 */
export type ErrorKind =
  | 'invalid' // the input is wrong: INVALID_ARGUMENT, never retried
  | 'not_found'
  | 'conflict' // state forbids it now (e.g. SAMPLE_ALREADY_RESULTED): FAILED_PRECONDITION
  | 'already_exists'
  | 'unauthenticated'
  | 'forbidden' // PERMISSION_DENIED
  | 'unavailable' // a dependency is down: retry
  | 'exhausted' // too many tries (sign-in attempts): RESOURCE_EXHAUSTED, wait before trying again
  | 'internal';

export interface FieldViolation {
  /** Dotted path of the offending field, e.g. `members.3.birthYear`. */
  field: string;
  description: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly fields: readonly FieldViolation[];

  constructor(
    code: string,
    kind: ErrorKind,
    message: string,
    options: { retryable?: boolean; fields?: readonly FieldViolation[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.kind = kind;
    this.retryable = options.retryable ?? (kind === 'unavailable' || kind === 'internal');
    this.fields = options.fields ?? [];
  }
}

export function invalid(code: string, message: string, fields: readonly FieldViolation[] = []): DomainError {
  return new DomainError(code, 'invalid', message, { fields });
}

/** Turns zod issues into field violations with dotted paths (`members.3.birthYear`). */
export function fieldViolations(error: z.ZodError): FieldViolation[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(root)',
    description: issue.message,
  }));
}

/** One line naming every offending field: `members.3.birthYear: Too small; barcode: Required`. */
export function describeViolations(fields: readonly FieldViolation[]): string {
  return fields.map((f) => `${f.field}: ${f.description}`).join('; ');
}

/**
 * Whether a failure is worth retrying. Unknown errors (driver and network failures) are, since a
 * broker or store hiccup must not send a good event to the dead-letter topic; domain errors say.
 */
export function isRetryable(error: unknown): boolean {
  return error instanceof DomainError ? error.retryable : true;
}

const INFRASTRUCTURE_ERRORS =
  /^(Mongo(Network|NetworkTimeout|ServerSelection|PoolCleared|NotConnected|TopologyClosed)Error|KafkaJS(Connection|ConnectionClosed|RequestTimeout|NumberOfRetriesExceeded|BrokerNotFound|LockTimeout)(Error)?)$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * The MongoDB driver answers a bulk write (`insertMany`) whose command never got an answer with a
 * MongoBulkWriteError of no write errors that keeps only the first error's fields: a network error's
 * `beforeHandshake`, a server selection error's `reason`, or a cleared pool's message.
 */
function isUnansweredBulkWrite(error: Error): boolean {
  if (error.name !== 'MongoBulkWriteError') return false;
  const { writeErrors } = error as { writeErrors?: unknown };
  if (Array.isArray(writeErrors) && writeErrors.length > 0) return false;
  return (
    Object.hasOwn(error, 'beforeHandshake') ||
    Object.hasOwn(error, 'reason') ||
    /^Connection pool for .* was cleared|^Topology is closed/.test(error.message)
  );
}

/**
 * Whether a failure is the store or the broker being away (a restart, a failover, a network cut)
 * rather than anything about the message: such a message is retried until they are back, never
 * dead-lettered. Looks through `cause` chains (drivers wrap the socket error).
 */
export function isInfrastructureFailure(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  let labels: unknown;
  try {
    labels = (error as { errorLabels?: unknown }).errorLabels; // a driver getter: never let it throw here
  } catch {
    labels = undefined;
  }
  if (INFRASTRUCTURE_ERRORS.test(error.name) || (typeof code === 'string' && NETWORK_CODES.has(code)))
    return true;
  const labelled = labels instanceof Set ? [...labels] : Array.isArray(labels) ? labels : [];
  if (labelled.includes('RetryableWriteError') || labelled.includes('ResetPool')) return true;
  if (isUnansweredBulkWrite(error)) return true;
  return isInfrastructureFailure(error.cause, depth + 1);
}
