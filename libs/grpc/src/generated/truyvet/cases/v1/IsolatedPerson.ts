// Original file: protos/truyvet/cases/v1/cases.proto

import type { IsolationOrder as _truyvet_cases_v1_IsolationOrder, IsolationOrder__Output as _truyvet_cases_v1_IsolationOrder__Output } from '../../../truyvet/cases/v1/IsolationOrder';

export interface IsolatedPerson {
  'personId'?: (string);
  'level'?: (number);
  'order'?: (_truyvet_cases_v1_IsolationOrder | null);
  'nextTestOn'?: (string);
  'releaseOn'?: (string);
  'releaseStatus'?: (string);
}

export interface IsolatedPerson__Output {
  'personId': (string);
  'level': (number);
  'order': (_truyvet_cases_v1_IsolationOrder__Output | null);
  'nextTestOn': (string);
  'releaseOn': (string);
  'releaseStatus': (string);
}
