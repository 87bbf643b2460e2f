export * from './envelope';
export * from './registry';
export * from './topics';
export * from './admin-units';
export * from './samples/sample-collected';
export * from './persons/person-events';
export * from './shipments/shipment-events';
export * from './orders/test-order-events';
export * from './lab/lab-events';
export * from './cases/case-events';
export * from './isolation/isolation-events';

import { SampleCollectedV1 } from './samples/sample-collected';
import { PersonRegisteredV1, PersonsMergedV1, PersonUpdatedV1 } from './persons/person-events';
import { ShipmentDispatchedV1, ShipmentReceivedV1 } from './shipments/shipment-events';
import { TestOrderCancelledV1, TestOrderedV1, TestOrderFulfilledV1 } from './orders/test-order-events';
import {
  PersonTestResultAmendedV1,
  PersonTestResultedV1,
  PoolFlaggedForReviewV1,
  PoolResultAmendedV1,
  PoolResultedV1,
} from './lab/lab-events';
import {
  CaseConfirmedV1,
  CaseDiedV1,
  CaseRecoveredV1,
  CaseRevertedV1,
  CaseUpdatedV1,
  ContactIdentificationAmbiguousV1,
  ContactIdentificationRequestedV1,
  ContactRecordedV1,
  PersonClassifiedV1,
  PersonIdentifiedV1,
} from './cases/case-events';
import {
  IsolationEndedV1,
  IsolationOrderedV1,
  IsolationPlacedV1,
  IsolationWaitlistedV1,
} from './isolation/isolation-events';
import { EventRegistry } from './registry';

/** Every event definition in truyvet; services register the ones they consume. */
export const allEventDefinitions = [
  PersonRegisteredV1,
  PersonUpdatedV1,
  PersonsMergedV1,
  SampleCollectedV1,
  ShipmentDispatchedV1,
  ShipmentReceivedV1,
  TestOrderedV1,
  TestOrderCancelledV1,
  TestOrderFulfilledV1,
  PersonTestResultedV1,
  PoolResultedV1,
  PersonTestResultAmendedV1,
  PoolResultAmendedV1,
  PoolFlaggedForReviewV1,
  CaseConfirmedV1,
  CaseUpdatedV1,
  CaseRevertedV1,
  CaseRecoveredV1,
  CaseDiedV1,
  ContactRecordedV1,
  PersonClassifiedV1,
  ContactIdentificationRequestedV1,
  PersonIdentifiedV1,
  ContactIdentificationAmbiguousV1,
  IsolationOrderedV1,
  IsolationPlacedV1,
  IsolationWaitlistedV1,
  IsolationEndedV1,
] as const;

export const eventRegistry = new EventRegistry(allEventDefinitions);
