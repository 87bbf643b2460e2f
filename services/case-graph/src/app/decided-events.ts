import type { EventToPublish } from '@truyvet/bus';
import {
  CaseConfirmedV1,
  CaseDiedV1,
  CaseRecoveredV1,
  CaseRevertedV1,
  CaseUpdatedV1,
  ContactIdentificationRequestedV1,
  ContactRecordedV1,
  createEvent,
  IsolationEndedV1,
  IsolationOrderedV1,
  PersonClassifiedV1,
  TestOrderCancelledV1,
  TestOrderedV1,
  type EventDefinition,
  type EventOrigin,
} from '@truyvet/events';
import type { DecidedEvent } from '../domain/types';

const definitions: { [T in DecidedEvent['type']]: EventDefinition } = {
  CaseConfirmed: CaseConfirmedV1,
  CaseUpdated: CaseUpdatedV1,
  CaseReverted: CaseRevertedV1,
  CaseRecovered: CaseRecoveredV1,
  CaseDied: CaseDiedV1,
  ContactRecorded: ContactRecordedV1,
  PersonClassified: PersonClassifiedV1,
  ContactIdentificationRequested: ContactIdentificationRequestedV1,
  IsolationOrdered: IsolationOrderedV1,
  IsolationEnded: IsolationEndedV1,
  TestOrdered: TestOrderedV1,
  TestOrderCancelled: TestOrderCancelledV1,
};

/** The events of a decision, in the order it made them, each on its definition's stream. */
export function eventsOf(emits: readonly DecidedEvent[], origin: EventOrigin): EventToPublish[] {
  return emits.map((event) => {
    const definition = definitions[event.type];
    return { topic: definition.topic, event: createEvent(definition, event.data as never, origin) };
  });
}
