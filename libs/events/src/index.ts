export * from './envelope';
export * from './registry';
export * from './topics';
export * from './admin-units';
export * from './samples/sample-collected';
export * from './persons/person-events';

import { SampleCollectedV1 } from './samples/sample-collected';
import { PersonRegisteredV1, PersonsMergedV1, PersonUpdatedV1 } from './persons/person-events';
import { EventRegistry } from './registry';

/** Every event definition in truyvet; services register the ones they consume. */
export const allEventDefinitions = [
  PersonRegisteredV1,
  PersonUpdatedV1,
  PersonsMergedV1,
  SampleCollectedV1,
] as const;

export const eventRegistry = new EventRegistry(allEventDefinitions);
