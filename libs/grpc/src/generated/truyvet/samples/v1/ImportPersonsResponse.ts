// Original file: protos/truyvet/samples/v1/persons.proto

import type { ImportItemResult as _truyvet_samples_v1_ImportItemResult, ImportItemResult__Output as _truyvet_samples_v1_ImportItemResult__Output } from '../../../truyvet/samples/v1/ImportItemResult';

export interface ImportPersonsResponse {
  'results'?: (_truyvet_samples_v1_ImportItemResult)[];
  'registered'?: (number);
  'existing'?: (number);
  'candidates'?: (number);
  'rejected'?: (number);
}

export interface ImportPersonsResponse__Output {
  'results': (_truyvet_samples_v1_ImportItemResult__Output)[];
  'registered': (number);
  'existing': (number);
  'candidates': (number);
  'rejected': (number);
}
