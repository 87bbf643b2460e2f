/**
 * Decisions on one person's tracing record, by part: results and amendments (./results), the graph
 * of contacts (./contacts), the person and their case (./case-lifecycle), arrivals, release and
 * placement (./release). Each gives the new state and the events to publish; every one ends by
 * settling the record (./decision): classification recomputed from the graph, isolation brought
 * in line with it. Pure.
 */
export { type DecisionContext } from './decision';
export { decideAmendment, decideResult, type PersonResult, type ResultAmendment } from './results';
export {
  contactIdOf,
  type ContactInput,
  type ContactOutcome,
  decideAmbiguous,
  decideContacts,
  decideExposures,
  decideIdentified,
  decideNewPersonConfirmed,
  type ExposureUpdate,
  sourceOfContactRef,
} from './contacts';
export { decideCaseUpdate, decideDeath, decidePersonDetails, decideRecovery } from './case-lifecycle';
export { decideArrival, decidePlacement, decideRelease, type ReleaseCheck, releaseCheck } from './release';
