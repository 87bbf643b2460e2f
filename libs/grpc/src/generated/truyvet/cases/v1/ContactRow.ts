// Original file: protos/truyvet/cases/v1/cases.proto

import type { ContactInput as _truyvet_cases_v1_ContactInput, ContactInput__Output as _truyvet_cases_v1_ContactInput__Output } from '../../../truyvet/cases/v1/ContactInput';

export interface ContactRow {
  'sourcePersonId'?: (string);
  'contact'?: (_truyvet_cases_v1_ContactInput | null);
}

export interface ContactRow__Output {
  'sourcePersonId': (string);
  'contact': (_truyvet_cases_v1_ContactInput__Output | null);
}
