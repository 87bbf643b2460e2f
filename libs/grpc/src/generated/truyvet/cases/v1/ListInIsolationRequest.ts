// Original file: protos/truyvet/cases/v1/cases.proto


export interface ListInIsolationRequest {
  'districtCode'?: (string);
  'wardCode'?: (string);
  'kind'?: (string);
}

export interface ListInIsolationRequest__Output {
  'districtCode': (string);
  'wardCode': (string);
  'kind': (string);
}
