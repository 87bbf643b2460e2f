// Original file: protos/truyvet/samples/v1/samples.proto

import type { BadRequest as _google_rpc_BadRequest, BadRequest__Output as _google_rpc_BadRequest__Output } from '../../../google/rpc/BadRequest';

export interface CollectItemResult {
  'index'?: (number);
  'sampleId'?: (string);
  'rejected'?: (_google_rpc_BadRequest | null);
  'errorCode'?: (string);
}

export interface CollectItemResult__Output {
  'index': (number);
  'sampleId': (string);
  'rejected': (_google_rpc_BadRequest__Output | null);
  'errorCode': (string);
}
