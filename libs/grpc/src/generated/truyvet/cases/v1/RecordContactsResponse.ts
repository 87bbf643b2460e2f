// Original file: protos/truyvet/cases/v1/cases.proto

import type { ContactOutcome as _truyvet_cases_v1_ContactOutcome, ContactOutcome__Output as _truyvet_cases_v1_ContactOutcome__Output } from '../../../truyvet/cases/v1/ContactOutcome';

export interface RecordContactsResponse {
  'outcomes'?: (_truyvet_cases_v1_ContactOutcome)[];
}

export interface RecordContactsResponse__Output {
  'outcomes': (_truyvet_cases_v1_ContactOutcome__Output)[];
}
