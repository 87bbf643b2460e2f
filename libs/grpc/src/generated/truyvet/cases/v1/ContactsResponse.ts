// Original file: protos/truyvet/cases/v1/cases.proto

import type { ReachedContact as _truyvet_cases_v1_ReachedContact, ReachedContact__Output as _truyvet_cases_v1_ReachedContact__Output } from '../../../truyvet/cases/v1/ReachedContact';

export interface ContactsResponse {
  'personId'?: (string);
  'contacts'?: (_truyvet_cases_v1_ReachedContact)[];
  'truncated'?: (boolean);
  'withheld'?: (number);
}

export interface ContactsResponse__Output {
  'personId': (string);
  'contacts': (_truyvet_cases_v1_ReachedContact__Output)[];
  'truncated': (boolean);
  'withheld': (number);
}
