export { configSchema, type Config } from './config';
export { start, SERVICES, CONSUMER_GROUP, type Running } from './start';
export * from './domain/types';
export * from './domain/record';
export * from './domain/classification';
export * from './domain/isolation';
export * from './domain/graph';
// For loaders that write the directory directly (the benchmark's city).
export { DIRECTORY, HOUSEHOLD_MEMBERS } from './adapters/queries';
export { CASE_GRAPH_ACCESS } from './access';
