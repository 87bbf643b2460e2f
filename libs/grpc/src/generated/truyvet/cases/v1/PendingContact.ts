// Original file: protos/truyvet/cases/v1/cases.proto

import type { IdentityCandidate as _truyvet_cases_v1_IdentityCandidate, IdentityCandidate__Output as _truyvet_cases_v1_IdentityCandidate__Output } from '../../../truyvet/cases/v1/IdentityCandidate';

export interface PendingContact {
  'contactRef'?: (string);
  'fullName'?: (string);
  'contactType'?: (string);
  'lastExposureOn'?: (string);
  'candidates'?: (_truyvet_cases_v1_IdentityCandidate)[];
}

export interface PendingContact__Output {
  'contactRef': (string);
  'fullName': (string);
  'contactType': (string);
  'lastExposureOn': (string);
  'candidates': (_truyvet_cases_v1_IdentityCandidate__Output)[];
}
