// Original file: protos/truyvet/cases/v1/cases.proto

import type { RowResult as _truyvet_cases_v1_RowResult, RowResult__Output as _truyvet_cases_v1_RowResult__Output } from '../../../truyvet/cases/v1/RowResult';

export interface ImportContactsResponse {
  'accepted'?: (number);
  'rejected'?: (number);
  'results'?: (_truyvet_cases_v1_RowResult)[];
}

export interface ImportContactsResponse__Output {
  'accepted': (number);
  'rejected': (number);
  'results': (_truyvet_cases_v1_RowResult__Output)[];
}
