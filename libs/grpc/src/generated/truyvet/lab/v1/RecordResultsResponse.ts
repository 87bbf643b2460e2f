// Original file: protos/truyvet/lab/v1/lab.proto

import type { RecordResultItem as _truyvet_lab_v1_RecordResultItem, RecordResultItem__Output as _truyvet_lab_v1_RecordResultItem__Output } from '../../../truyvet/lab/v1/RecordResultItem';

export interface RecordResultsResponse {
  'results'?: (_truyvet_lab_v1_RecordResultItem)[];
  'accepted'?: (number);
  'rejected'?: (number);
}

export interface RecordResultsResponse__Output {
  'results': (_truyvet_lab_v1_RecordResultItem__Output)[];
  'accepted': (number);
  'rejected': (number);
}
