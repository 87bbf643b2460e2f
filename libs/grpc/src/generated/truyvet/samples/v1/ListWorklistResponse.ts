// Original file: protos/truyvet/samples/v1/samples.proto

import type { WorklistItem as _truyvet_samples_v1_WorklistItem, WorklistItem__Output as _truyvet_samples_v1_WorklistItem__Output } from '../../../truyvet/samples/v1/WorklistItem';

export interface ListWorklistResponse {
  'items'?: (_truyvet_samples_v1_WorklistItem)[];
}

export interface ListWorklistResponse__Output {
  'items': (_truyvet_samples_v1_WorklistItem__Output)[];
}
