// Original file: protos/truyvet/samples/v1/persons.proto

import type { RegisterPersonResponse as _truyvet_samples_v1_RegisterPersonResponse, RegisterPersonResponse__Output as _truyvet_samples_v1_RegisterPersonResponse__Output } from '../../../truyvet/samples/v1/RegisterPersonResponse';
import type { BadRequest as _google_rpc_BadRequest, BadRequest__Output as _google_rpc_BadRequest__Output } from '../../../google/rpc/BadRequest';

export interface ImportItemResult {
  'index'?: (number);
  'outcome'?: (_truyvet_samples_v1_RegisterPersonResponse | null);
  'rejected'?: (_google_rpc_BadRequest | null);
}

export interface ImportItemResult__Output {
  'index': (number);
  'outcome': (_truyvet_samples_v1_RegisterPersonResponse__Output | null);
  'rejected': (_google_rpc_BadRequest__Output | null);
}
