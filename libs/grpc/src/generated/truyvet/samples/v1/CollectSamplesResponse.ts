// Original file: protos/truyvet/samples/v1/samples.proto

import type { CollectItemResult as _truyvet_samples_v1_CollectItemResult, CollectItemResult__Output as _truyvet_samples_v1_CollectItemResult__Output } from '../../../truyvet/samples/v1/CollectItemResult';

export interface CollectSamplesResponse {
  'results'?: (_truyvet_samples_v1_CollectItemResult)[];
  'accepted'?: (number);
  'rejected'?: (number);
}

export interface CollectSamplesResponse__Output {
  'results': (_truyvet_samples_v1_CollectItemResult__Output)[];
  'accepted': (number);
  'rejected': (number);
}
