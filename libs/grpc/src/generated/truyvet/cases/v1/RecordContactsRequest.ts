// Original file: protos/truyvet/cases/v1/cases.proto

import type { ContactInput as _truyvet_cases_v1_ContactInput, ContactInput__Output as _truyvet_cases_v1_ContactInput__Output } from '../../../truyvet/cases/v1/ContactInput';

export interface RecordContactsRequest {
  'personId'?: (string);
  'contacts'?: (_truyvet_cases_v1_ContactInput)[];
}

export interface RecordContactsRequest__Output {
  'personId': (string);
  'contacts': (_truyvet_cases_v1_ContactInput__Output)[];
}
