export { parseCsvLine, readCsv, type CsvRow, type CsvTable, type RowProblem } from './csv';
export { parseResultsCsv, type RecordResultRequest } from './results';
