export * from './envelope';
export * from './registry';
export * from './topics';
export * from './admin-units';
export * from './samples/sample-collected';

import { SampleCollectedV1 } from './samples/sample-collected';
import { EventRegistry } from './registry';

/** Every event definition in truyvet; services register the ones they consume. */
export const allEventDefinitions = [SampleCollectedV1] as const;

export const eventRegistry = new EventRegistry(allEventDefinitions);
