// Original file: protos/truyvet/reports/v1/reports.proto

import type { WardRisk as _truyvet_reports_v1_WardRisk, WardRisk__Output as _truyvet_reports_v1_WardRisk__Output } from '../../../truyvet/reports/v1/WardRisk';

export interface RiskLevels {
  'date'?: (string);
  'ruleSetId'?: (string);
  'windowFrom'?: (string);
  'wards'?: (_truyvet_reports_v1_WardRisk)[];
  'focusTestingTargets'?: (_truyvet_reports_v1_WardRisk)[];
}

export interface RiskLevels__Output {
  'date': (string);
  'ruleSetId': (string);
  'windowFrom': (string);
  'wards': (_truyvet_reports_v1_WardRisk__Output)[];
  'focusTestingTargets': (_truyvet_reports_v1_WardRisk__Output)[];
}
