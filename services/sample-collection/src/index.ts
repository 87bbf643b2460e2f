export * from './domain/identity';
export * from './domain/registration';
export { configSchema, type Config } from './config';
export * from './domain/samples';
export { start, SERVICES, type Running } from './start';
// For loaders that write a registry directly (the benchmark's city): the same ids, keys and names.
export { newPersonId } from './app/person-registry';
export { PERSONS_BY_KEY, personKeys } from './app/person-index';
export { PERSONS, personIndexes } from './adapters/mongo-directory';
export { SAMPLE_COLLECTION_ACCESS } from './access';
