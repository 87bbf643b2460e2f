export * from './admin-units';
