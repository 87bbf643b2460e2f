// Original file: protos/truyvet/reports/v1/reports.proto

import type { DailyReport as _truyvet_reports_v1_DailyReport, DailyReport__Output as _truyvet_reports_v1_DailyReport__Output } from '../../../truyvet/reports/v1/DailyReport';

export interface DailyReports {
  'reports'?: (_truyvet_reports_v1_DailyReport)[];
}

export interface DailyReports__Output {
  'reports': (_truyvet_reports_v1_DailyReport__Output)[];
}
