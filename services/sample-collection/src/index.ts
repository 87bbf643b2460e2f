// The sample-collection service. So far: the pure identity rules of the person registry.
export * from './domain/identity';
