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
 * Turns typed per-event handlers into a bus handler. A message that is not a valid event of a
 * known type and version is poison: it fails with a non-retryable error that names every offending
 * field, so the bus dead-letters it at once with that reason. Known types this consumer has no
 * handler for are skipped: topics carry several types.
 */
export function eventHandler<Ds extends readonly EventDefinition[]>(
  registry: EventRegistry<Ds>,
  handlers: HandlerMap<Ds>,
): MessageHandler {
  return async (message) => {
    const parsed = registry.parse(message.value);
    if (!parsed.ok) {
      throw new DomainError(parsed.error.code, 'invalid', parsed.error.reason, {
        fields: parsed.error.fields,
      });
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
