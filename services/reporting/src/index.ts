export { configSchema, type Config } from './config';
export { start, SERVICES, REPORTED_TOPICS, reportingIndexes, type Running } from './start';
export * from './domain/facts';
export * from './domain/report';
export * from './domain/export';
export {
  ReportDesk,
  type AreaRequest,
  type ExportFormat,
  type ExportKind,
  type ExportedFile,
} from './app/reports';
export { REPORTING_ACCESS } from './access';
