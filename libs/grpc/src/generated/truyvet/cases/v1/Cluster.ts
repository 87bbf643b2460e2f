// Original file: protos/truyvet/cases/v1/cases.proto

import type { CaseView as _truyvet_cases_v1_CaseView, CaseView__Output as _truyvet_cases_v1_CaseView__Output } from '../../../truyvet/cases/v1/CaseView';
import type { ClusterMember as _truyvet_cases_v1_ClusterMember, ClusterMember__Output as _truyvet_cases_v1_ClusterMember__Output } from '../../../truyvet/cases/v1/ClusterMember';
import type { LevelCount as _truyvet_cases_v1_LevelCount, LevelCount__Output as _truyvet_cases_v1_LevelCount__Output } from '../../../truyvet/cases/v1/LevelCount';

export interface Cluster {
  'clusterId'?: (string);
  'cases'?: (_truyvet_cases_v1_CaseView)[];
  'members'?: (_truyvet_cases_v1_ClusterMember)[];
  'levels'?: (_truyvet_cases_v1_LevelCount)[];
  'withheld'?: (number);
}

export interface Cluster__Output {
  'clusterId': (string);
  'cases': (_truyvet_cases_v1_CaseView__Output)[];
  'members': (_truyvet_cases_v1_ClusterMember__Output)[];
  'levels': (_truyvet_cases_v1_LevelCount__Output)[];
  'withheld': (number);
}
