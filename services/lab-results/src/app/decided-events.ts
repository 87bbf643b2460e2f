import {
  createEvent,
  PersonTestResultAmendedV1,
  PersonTestResultedV1,
  PoolFlaggedForReviewV1,
  PoolResultAmendedV1,
  PoolResultedV1,
  TestOrderCancelledV1,
  TestOrderedV1,
  topics,
  type EventOrigin,
} from '@truyvet/events';
import type { EventToPublish } from '@truyvet/bus';
import type { LabEmits } from '../domain/lab-sample';

/**
 * The events of a decision, in the order consumers should see them: the pool's own result or
 * amendment first, then the persons', then review flags and orders.
 */
export function eventsOf(emits: LabEmits, origin: EventOrigin): EventToPublish[] {
  const results = topics.labResults.topic;
  const orders = topics.testOrders.topic;
  return [
    ...(emits.poolResult
      ? [{ topic: results, event: createEvent(PoolResultedV1, emits.poolResult, origin) }]
      : []),
    ...(emits.poolAmendment
      ? [{ topic: results, event: createEvent(PoolResultAmendedV1, emits.poolAmendment, origin) }]
      : []),
    ...emits.personAmendments.map((data) => ({
      topic: results,
      event: createEvent(PersonTestResultAmendedV1, data, origin),
    })),
    ...emits.personResults.map((data) => ({
      topic: results,
      event: createEvent(PersonTestResultedV1, data, origin),
    })),
    ...(emits.poolReview
      ? [{ topic: results, event: createEvent(PoolFlaggedForReviewV1, emits.poolReview, origin) }]
      : []),
    ...emits.cancellations.map((data) => ({
      topic: orders,
      event: createEvent(TestOrderCancelledV1, data, origin),
    })),
    ...emits.orders.map((data) => ({ topic: orders, event: createEvent(TestOrderedV1, data, origin) })),
  ];
}
