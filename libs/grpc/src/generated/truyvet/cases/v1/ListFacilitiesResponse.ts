// Original file: protos/truyvet/cases/v1/cases.proto

import type { Facility as _truyvet_cases_v1_Facility, Facility__Output as _truyvet_cases_v1_Facility__Output } from '../../../truyvet/cases/v1/Facility';

export interface ListFacilitiesResponse {
  'facilities'?: (_truyvet_cases_v1_Facility)[];
}

export interface ListFacilitiesResponse__Output {
  'facilities': (_truyvet_cases_v1_Facility__Output)[];
}
