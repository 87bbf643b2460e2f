import { eventHandler, type MessageHandler, type ReceivedMessage } from '@truyvet/bus';
import { EventRegistry } from '@truyvet/events';
import type { Projection } from '../app/projection';
import * as fold from '../domain/facts';
import type { FactChange } from '../domain/facts';

const registry = new EventRegistry(fold.REPORTED_EVENTS);

/** The projection's consumer: each event the report uses becomes the fact changes it makes. */
export function foldEvents(projection: Projection): MessageHandler {
  const apply = (changes: FactChange | FactChange[] | undefined): Promise<void> =>
    projection.apply(changes === undefined ? [] : Array.isArray(changes) ? changes : [changes]);
  return eventHandler(registry, {
    PersonRegistered: (e, m) => apply(fold.personRegistered(e, positionOf(m))),
    PersonUpdated: (e, m) => apply(fold.personRegistered(e, positionOf(m))),
    PersonsMerged: (e) => apply(fold.personsMerged(e)),
    SampleCollected: (e) => apply(fold.sampleCollected(e)),
    ShipmentReceived: (e) => apply(fold.shipmentReceived(e)),
    PoolResulted: (e) => apply(fold.poolResulted(e)),
    PersonTestResulted: (e) => apply(fold.personResulted(e)),
    PoolResultAmended: (e) => apply(fold.poolResultAmended(e)),
    PersonTestResultAmended: (e) => apply(fold.personResultAmended(e)),
    CaseConfirmed: (e) => apply(fold.caseConfirmed(e)),
    CaseRecovered: (e) => apply(fold.caseRecovered(e)),
    CaseDied: (e) => apply(fold.caseDied(e)),
    CaseReverted: (e) => apply(fold.caseReverted(e)),
    PersonClassified: (e) => apply(fold.personClassified(e)),
    IsolationOrdered: (e) => apply(fold.isolationOrdered(e)),
    IsolationPlaced: (e) => apply(fold.isolationPlaced(e)),
    IsolationWaitlisted: (e) => apply(fold.isolationWaitlisted(e)),
    IsolationEnded: (e) => apply(fold.isolationEnded(e)),
    TestOrdered: (e) => apply(fold.testOrdered(e)),
    TestOrderFulfilled: (e) => apply(fold.testOrderFulfilled(e)),
    TestOrderCancelled: (e) => apply(fold.testOrderCancelled(e)),
  });
}

const positionOf = (message: ReceivedMessage): fold.EventPosition => ({
  partition: message.partition,
  offset: message.offset,
});
