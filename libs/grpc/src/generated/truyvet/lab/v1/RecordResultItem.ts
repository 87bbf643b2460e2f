// Original file: protos/truyvet/lab/v1/lab.proto

import type { RecordedResult as _truyvet_lab_v1_RecordedResult, RecordedResult__Output as _truyvet_lab_v1_RecordedResult__Output } from '../../../truyvet/lab/v1/RecordedResult';
import type { BadRequest as _google_rpc_BadRequest, BadRequest__Output as _google_rpc_BadRequest__Output } from '../../../google/rpc/BadRequest';

export interface RecordResultItem {
  'index'?: (number);
  'recorded'?: (_truyvet_lab_v1_RecordedResult | null);
  'rejected'?: (_google_rpc_BadRequest | null);
  'errorCode'?: (string);
}

export interface RecordResultItem__Output {
  'index': (number);
  'recorded': (_truyvet_lab_v1_RecordedResult__Output | null);
  'rejected': (_google_rpc_BadRequest__Output | null);
  'errorCode': (string);
}
