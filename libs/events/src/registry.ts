import { fieldViolations, type FieldViolation } from '@truyvet/errors';
import { envelopeSchema, type Envelope, type EventDefinition, type EventOf } from './envelope';

export type EventParseErrorCode =
  'MALFORMED_JSON' | 'BAD_ENVELOPE' | 'UNKNOWN_TYPE' | 'UNSUPPORTED_VERSION' | 'INVALID_DATA';

export interface EventParseError {
  code: EventParseErrorCode;
  /** One readable line: what is wrong and, for schema failures, every offending field. */
  reason: string;
  fields: FieldViolation[];
  /** What could be read of the envelope, for logs and the dead-letter record. */
  envelope?: Partial<Envelope>;
}

export type ParseResult<E> = { ok: true; event: E } | { ok: false; error: EventParseError };

/** Union of the typed events a list of definitions describes. */
export type EventUnion<Ds extends readonly EventDefinition[]> = { [K in keyof Ds]: EventOf<Ds[K]> }[number];

/** The event schemas a consumer knows, by type and version. */
export class EventRegistry<Ds extends readonly EventDefinition[] = readonly EventDefinition[]> {
  private readonly byType = new Map<string, Map<number, EventDefinition>>();

  constructor(readonly definitions: Ds) {
    for (const definition of definitions) {
      const versions = this.byType.get(definition.type) ?? new Map<number, EventDefinition>();
      if (versions.has(definition.version)) {
        throw new Error(`event ${definition.type} v${definition.version} is defined twice`);
      }
      versions.set(definition.version, definition);
      this.byType.set(definition.type, versions);
    }
  }

  get(type: string, version: number): EventDefinition | undefined {
    return this.byType.get(type)?.get(version);
  }

  knowsType(type: string): boolean {
    return this.byType.has(type);
  }

  /** Parses raw bytes, a string or an object into a typed event, or says exactly why not. */
  parse(raw: unknown): ParseResult<EventUnion<Ds>> {
    let value: unknown = raw;
    if (typeof raw === 'string' || Buffer.isBuffer(raw)) {
      try {
        value = JSON.parse(raw.toString());
      } catch (error) {
        return failure('MALFORMED_JSON', `not JSON: ${(error as Error).message}`);
      }
    }
    const envelope = envelopeSchema.safeParse(value);
    if (!envelope.success) {
      const fields = fieldViolations(envelope.error);
      return failure('BAD_ENVELOPE', `bad envelope: ${describe(fields)}`, fields, partialEnvelope(value));
    }
    const { type, version } = envelope.data;
    const versions = this.byType.get(type);
    if (!versions) return failure('UNKNOWN_TYPE', `unknown event type ${type}`, [], envelope.data);
    const definition = versions.get(version);
    if (!definition) {
      const known = [...versions.keys()].sort().join(', ');
      return failure(
        'UNSUPPORTED_VERSION',
        `${type} v${version} is not supported (known: v${known})`,
        [],
        envelope.data,
      );
    }
    const data = definition.schema.safeParse(envelope.data.data);
    if (!data.success) {
      const fields = fieldViolations(data.error).map((f) => ({ ...f, field: `data.${f.field}` }));
      return failure(
        'INVALID_DATA',
        `invalid ${type} v${version}: ${describe(fields)}`,
        fields,
        envelope.data,
      );
    }
    return { ok: true, event: { ...envelope.data, data: data.data } as EventUnion<Ds> };
  }
}

/** Narrows a parsed event to one definition. */
export function isEvent<D extends EventDefinition>(
  event: { type: string; version: number },
  definition: D,
): event is EventOf<D> {
  return event.type === definition.type && event.version === definition.version;
}

function failure(
  code: EventParseErrorCode,
  reason: string,
  fields: FieldViolation[] = [],
  envelope?: Partial<Envelope>,
): { ok: false; error: EventParseError } {
  return { ok: false, error: envelope ? { code, reason, fields, envelope } : { code, reason, fields } };
}

function describe(fields: FieldViolation[]): string {
  return fields.map((f) => `${f.field}: ${f.description}`).join('; ');
}

function partialEnvelope(value: unknown): Partial<Envelope> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const pick: Partial<Envelope> = {};
  if (typeof v.id === 'string') pick.id = v.id;
  if (typeof v.type === 'string') pick.type = v.type;
  if (typeof v.version === 'number') pick.version = v.version;
  if (typeof v.key === 'string') pick.key = v.key;
  if (typeof v.correlationId === 'string') pick.correlationId = v.correlationId;
  return pick;
}
