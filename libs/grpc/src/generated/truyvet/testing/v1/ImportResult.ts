// Original file: protos/truyvet/testing/v1/registry.proto

import type { BadRequest as _google_rpc_BadRequest, BadRequest__Output as _google_rpc_BadRequest__Output } from '../../../google/rpc/BadRequest';

export interface ImportResult {
  'index'?: (number);
  'personId'?: (string);
  'rejected'?: (_google_rpc_BadRequest | null);
  'outcome'?: "personId"|"rejected";
}

export interface ImportResult__Output {
  'index': (number);
  'personId'?: (string);
  'rejected'?: (_google_rpc_BadRequest__Output | null);
  'outcome'?: "personId"|"rejected";
}
