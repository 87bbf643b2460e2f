// Original file: protos/truyvet/cases/v1/cases.proto

import type { CaseView as _truyvet_cases_v1_CaseView, CaseView__Output as _truyvet_cases_v1_CaseView__Output } from '../../../truyvet/cases/v1/CaseView';

export interface ListCasesResponse {
  'cases'?: (_truyvet_cases_v1_CaseView)[];
}

export interface ListCasesResponse__Output {
  'cases': (_truyvet_cases_v1_CaseView__Output)[];
}
