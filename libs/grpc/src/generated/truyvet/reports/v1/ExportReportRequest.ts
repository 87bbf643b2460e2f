// Original file: protos/truyvet/reports/v1/reports.proto

import type { Area as _truyvet_reports_v1_Area, Area__Output as _truyvet_reports_v1_Area__Output } from '../../../truyvet/reports/v1/Area';

export interface ExportReportRequest {
  'report'?: (string);
  'format'?: (string);
  'area'?: (_truyvet_reports_v1_Area | null);
  'date'?: (string);
}

export interface ExportReportRequest__Output {
  'report': (string);
  'format': (string);
  'area': (_truyvet_reports_v1_Area__Output | null);
  'date': (string);
}
