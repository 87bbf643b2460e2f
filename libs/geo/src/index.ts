export * from './admin-units';
export { parseCsvLine } from './csv';
