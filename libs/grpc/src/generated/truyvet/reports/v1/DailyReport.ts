// Original file: protos/truyvet/reports/v1/reports.proto

import type { AreaName as _truyvet_reports_v1_AreaName, AreaName__Output as _truyvet_reports_v1_AreaName__Output } from '../../../truyvet/reports/v1/AreaName';
import type { CaseFigures as _truyvet_reports_v1_CaseFigures, CaseFigures__Output as _truyvet_reports_v1_CaseFigures__Output } from '../../../truyvet/reports/v1/CaseFigures';
import type { IsolationFigures as _truyvet_reports_v1_IsolationFigures, IsolationFigures__Output as _truyvet_reports_v1_IsolationFigures__Output } from '../../../truyvet/reports/v1/IsolationFigures';
import type { TestingFigures as _truyvet_reports_v1_TestingFigures, TestingFigures__Output as _truyvet_reports_v1_TestingFigures__Output } from '../../../truyvet/reports/v1/TestingFigures';
import type { VaccinationFigures as _truyvet_reports_v1_VaccinationFigures, VaccinationFigures__Output as _truyvet_reports_v1_VaccinationFigures__Output } from '../../../truyvet/reports/v1/VaccinationFigures';

export interface DailyReport {
  'area'?: (_truyvet_reports_v1_AreaName | null);
  'date'?: (string);
  'cases'?: (_truyvet_reports_v1_CaseFigures | null);
  'isolation'?: (_truyvet_reports_v1_IsolationFigures | null);
  'testing'?: (_truyvet_reports_v1_TestingFigures | null);
  'vaccination'?: (_truyvet_reports_v1_VaccinationFigures | null);
  'revisedAt'?: (string);
}

export interface DailyReport__Output {
  'area': (_truyvet_reports_v1_AreaName__Output | null);
  'date': (string);
  'cases': (_truyvet_reports_v1_CaseFigures__Output | null);
  'isolation': (_truyvet_reports_v1_IsolationFigures__Output | null);
  'testing': (_truyvet_reports_v1_TestingFigures__Output | null);
  'vaccination': (_truyvet_reports_v1_VaccinationFigures__Output | null);
  'revisedAt': (string);
}
