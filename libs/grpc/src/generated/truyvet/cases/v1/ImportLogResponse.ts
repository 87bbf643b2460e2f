// Original file: protos/truyvet/cases/v1/cases.proto

import type { RowResult as _truyvet_cases_v1_RowResult, RowResult__Output as _truyvet_cases_v1_RowResult__Output } from '../../../truyvet/cases/v1/RowResult';

export interface ImportLogResponse {
  'accepted'?: (number);
  'rejected'?: (number);
  'candidates'?: (number);
  'results'?: (_truyvet_cases_v1_RowResult)[];
}

export interface ImportLogResponse__Output {
  'accepted': (number);
  'rejected': (number);
  'candidates': (number);
  'results': (_truyvet_cases_v1_RowResult__Output)[];
}
