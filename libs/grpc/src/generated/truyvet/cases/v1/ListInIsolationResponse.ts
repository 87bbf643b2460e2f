// Original file: protos/truyvet/cases/v1/cases.proto

import type { IsolatedPerson as _truyvet_cases_v1_IsolatedPerson, IsolatedPerson__Output as _truyvet_cases_v1_IsolatedPerson__Output } from '../../../truyvet/cases/v1/IsolatedPerson';

export interface ListInIsolationResponse {
  'people'?: (_truyvet_cases_v1_IsolatedPerson)[];
}

export interface ListInIsolationResponse__Output {
  'people': (_truyvet_cases_v1_IsolatedPerson__Output)[];
}
