export { configSchema, type Config } from './config';
export { start, SERVICES, type Running } from './start';
export * from './domain/interpretation';
export * from './domain/accession';
export * from './domain/lab-sample';
export * from './domain/turnaround';
export { LAB_ACCESS } from './access';
