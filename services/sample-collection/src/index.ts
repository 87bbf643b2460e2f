export * from './domain/identity';
export * from './domain/registration';
export { configSchema, type Config } from './config';
export { start, SERVICE, type Running } from './start';
