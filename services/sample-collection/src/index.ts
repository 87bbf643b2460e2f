export * from './domain/identity';
export * from './domain/registration';
export { configSchema, type Config } from './config';
export * from './domain/samples';
export { start, SERVICES, type Running } from './start';
