export * from './types';
export * from './relay';
export * from './memory';
export * from './mongo';
export * from './mongo-aggregate-store';
export * from './documents';
export * from './update-each';
export * from './round-trips';
