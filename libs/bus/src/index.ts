export * from './types';
export * from './delivery';
export * from './events';
export * from './memory-bus';
export * from './kafka-bus';
export * from './replay';
