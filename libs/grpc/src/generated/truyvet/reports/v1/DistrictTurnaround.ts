// Original file: protos/truyvet/reports/v1/reports.proto

import type { Durations as _truyvet_reports_v1_Durations, Durations__Output as _truyvet_reports_v1_Durations__Output } from '../../../truyvet/reports/v1/Durations';
import type { Overdue as _truyvet_reports_v1_Overdue, Overdue__Output as _truyvet_reports_v1_Overdue__Output } from '../../../truyvet/reports/v1/Overdue';

export interface DistrictTurnaround {
  'districtCode'?: (string);
  'date'?: (string);
  'collectedToResulted'?: (_truyvet_reports_v1_Durations | null);
  'resultToF1Isolated'?: (_truyvet_reports_v1_Durations | null);
  'overdue'?: (_truyvet_reports_v1_Overdue | null);
}

export interface DistrictTurnaround__Output {
  'districtCode': (string);
  'date': (string);
  'collectedToResulted': (_truyvet_reports_v1_Durations__Output | null);
  'resultToF1Isolated': (_truyvet_reports_v1_Durations__Output | null);
  'overdue': (_truyvet_reports_v1_Overdue__Output | null);
}
