// Original file: protos/truyvet/cases/v1/cases.proto

import type { ChainLink as _truyvet_cases_v1_ChainLink, ChainLink__Output as _truyvet_cases_v1_ChainLink__Output } from '../../../truyvet/cases/v1/ChainLink';
import type { ReachedContact as _truyvet_cases_v1_ReachedContact, ReachedContact__Output as _truyvet_cases_v1_ReachedContact__Output } from '../../../truyvet/cases/v1/ReachedContact';

export interface Chain {
  'personId'?: (string);
  'ancestors'?: (_truyvet_cases_v1_ChainLink)[];
  'descendants'?: (_truyvet_cases_v1_ChainLink)[];
  'contacts'?: (_truyvet_cases_v1_ReachedContact)[];
  'withheld'?: (number);
}

export interface Chain__Output {
  'personId': (string);
  'ancestors': (_truyvet_cases_v1_ChainLink__Output)[];
  'descendants': (_truyvet_cases_v1_ChainLink__Output)[];
  'contacts': (_truyvet_cases_v1_ReachedContact__Output)[];
  'withheld': (number);
}
