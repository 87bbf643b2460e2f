// Original file: protos/truyvet/reports/v1/reports.proto

import type { DistrictTurnaround as _truyvet_reports_v1_DistrictTurnaround, DistrictTurnaround__Output as _truyvet_reports_v1_DistrictTurnaround__Output } from '../../../truyvet/reports/v1/DistrictTurnaround';

export interface TurnaroundReport {
  'districts'?: (_truyvet_reports_v1_DistrictTurnaround)[];
}

export interface TurnaroundReport__Output {
  'districts': (_truyvet_reports_v1_DistrictTurnaround__Output)[];
}
