import { DomainError } from '@truyvet/errors';
import type { Envelope, EventDefinition, EventRegistry, EventUnion } from '@truyvet/events';
import { withLogContext } from '@truyvet/log';
import { headers, type MessageHandler, type OutgoingMessage, type ReceivedMessage } from './types';

/** An event with the stream it goes to: what an outbox holds and a relay publishes. */
export interface EventToPublish {
  topic: string;
  event: Envelope;
}

export function eventMessage({ topic, event }: EventToPublish): OutgoingMessage {
  return {
    topic,
    key: event.key,
    value: JSON.stringify(event),
    headers: {
      [headers.eventId]: event.id,
      [headers.eventType]: event.type,
      [headers.eventVersion]: String(event.version),
      [headers.correlationId]: event.correlationId,
    },
  };
}

type HandlerMap<Ds extends readonly EventDefinition[]> = {
  [T in EventUnion<Ds>['type']]?: (
    event: Extract<EventUnion<Ds>, { type: T }>,
    message: ReceivedMessage,
  ) => Promise<void>;
};

/**
 * Turns typed per-event handlers into a bus handler. Malformed JSON, a bad envelope, invalid data,
 * or an unknown version of a type this consumer handles is poison: it fails with a non-retryable
 * error that names every offending field, so the bus dead-letters it at once with that reason.
 * Types this consumer has no handler for, or that this build does not know, are skipped: topics
 * carry several types, and a newer producer may add some.
 */
export function eventHandler<Ds extends readonly EventDefinition[]>(
  registry: EventRegistry<Ds>,
  handlers: HandlerMap<Ds>,
): MessageHandler {
  return async (message) => {
    const parsed = registry.parse(message.value);
    if (!parsed.ok) {
      const { code, reason, fields, envelope } = parsed.error;
      // A type this build has never heard of (a newer producer's): not ours to judge, skip it.
      // A version we do not know of a type we handle: dead-letter it with the reason.
      const handlesType = envelope?.type !== undefined && envelope.type in handlers;
      if (code === 'UNKNOWN_TYPE' || (code === 'UNSUPPORTED_VERSION' && !handlesType)) return;
      throw new DomainError(code, 'invalid', reason, { fields });
    }
    const event = parsed.event;
    const handle = (
      handlers as Record<string, ((e: typeof event, m: ReceivedMessage) => Promise<void>) | undefined>
    )[event.type];
    if (!handle) return;
    await withLogContext(
      { correlationId: event.correlationId, eventId: event.id, eventType: event.type },
      () => handle(event, message),
    );
  };
}
