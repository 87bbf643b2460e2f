// Original file: protos/truyvet/cases/v1/cases.proto

import type { BadRequest as _google_rpc_BadRequest, BadRequest__Output as _google_rpc_BadRequest__Output } from '../../../google/rpc/BadRequest';

export interface RowResult {
  'index'?: (number);
  'status'?: (string);
  'contactId'?: (string);
  'contactRef'?: (string);
  'rejected'?: (_google_rpc_BadRequest | null);
  'errorCode'?: (string);
}

export interface RowResult__Output {
  'index': (number);
  'status': (string);
  'contactId': (string);
  'contactRef': (string);
  'rejected': (_google_rpc_BadRequest__Output | null);
  'errorCode': (string);
}
