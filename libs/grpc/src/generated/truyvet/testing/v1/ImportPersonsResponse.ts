// Original file: protos/truyvet/testing/v1/registry.proto

import type { ImportResult as _truyvet_testing_v1_ImportResult, ImportResult__Output as _truyvet_testing_v1_ImportResult__Output } from '../../../truyvet/testing/v1/ImportResult';

export interface ImportPersonsResponse {
  'imported'?: (number);
  'rejected'?: (number);
  'results'?: (_truyvet_testing_v1_ImportResult)[];
}

export interface ImportPersonsResponse__Output {
  'imported': (number);
  'rejected': (number);
  'results': (_truyvet_testing_v1_ImportResult__Output)[];
}
