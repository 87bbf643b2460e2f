import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * Every event on Kafka is this JSON object. `id` is unique (consumers dedup on it); `key` is the
 * partition key (a sample id, a person id) so related events stay in order; `correlationId` is
 * shared by everything one request or result set off, and `causationId` is the id of the event
 * (or request) that directly caused this one, so a case can be traced back to its sample.
 */
export const envelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  key: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  data: z.unknown(),
});

export type Envelope = z.infer<typeof envelopeSchema>;

/** One event type at one version: its schema, the stream (topic) it travels on, and its key. */
export interface EventDefinition<
  T extends string = string,
  V extends number = number,
  S extends z.ZodType = z.ZodType,
> {
  readonly type: T;
  readonly version: V;
  readonly topic: string;
  readonly schema: S;
  readonly key: (data: z.infer<S>) => string;
  readonly description: string;
}

/** The typed event a definition describes. */
export type EventOf<D extends EventDefinition> = Omit<Envelope, 'type' | 'version' | 'data'> & {
  type: D['type'];
  version: D['version'];
  data: z.infer<D['schema']>;
};

export function defineEvent<T extends string, V extends number, S extends z.ZodType>(
  definition: EventDefinition<T, V, S>,
): EventDefinition<T, V, S> {
  return Object.freeze(definition);
}

export interface EventOrigin {
  correlationId?: string;
  causationId?: string | null;
  occurredAt?: Date;
  id?: string;
}

/**
 * Makes an event from data the caller vouches for; the data is still validated, because a bad
 * event written to the outbox would poison every consumer downstream.
 */
export function createEvent<D extends EventDefinition>(
  definition: D,
  data: z.input<D['schema']>,
  origin: EventOrigin = {},
): EventOf<D> {
  const parsed = definition.schema.parse(data) as z.infer<D['schema']>;
  const id = origin.id ?? randomUUID();
  return {
    id,
    type: definition.type,
    version: definition.version,
    occurredAt: (origin.occurredAt ?? new Date()).toISOString(),
    key: definition.key(parsed),
    correlationId: origin.correlationId ?? id,
    causationId: origin.causationId ?? null,
    data: parsed,
  };
}

/** Origin for an event caused by another: same correlation id, causation is the parent. */
export function causedBy(parent: Pick<Envelope, 'id' | 'correlationId'>): EventOrigin {
  return { correlationId: parent.correlationId, causationId: parent.id };
}
