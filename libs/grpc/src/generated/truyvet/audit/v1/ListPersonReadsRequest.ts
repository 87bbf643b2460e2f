// Original file: protos/truyvet/audit/v1/audit.proto


export interface ListPersonReadsRequest {
  'personId'?: (string);
  'since'?: (string);
  'limit'?: (number);
}

export interface ListPersonReadsRequest__Output {
  'personId': (string);
  'since': (string);
  'limit': (number);
}
