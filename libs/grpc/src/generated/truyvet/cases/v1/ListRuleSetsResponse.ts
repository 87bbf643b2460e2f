// Original file: protos/truyvet/cases/v1/cases.proto

import type { RuleSetView as _truyvet_cases_v1_RuleSetView, RuleSetView__Output as _truyvet_cases_v1_RuleSetView__Output } from '../../../truyvet/cases/v1/RuleSetView';

export interface ListRuleSetsResponse {
  'ruleSets'?: (_truyvet_cases_v1_RuleSetView)[];
  'inForceToday'?: (string);
}

export interface ListRuleSetsResponse__Output {
  'ruleSets': (_truyvet_cases_v1_RuleSetView__Output)[];
  'inForceToday': (string);
}
