// Original file: protos/truyvet/cases/v1/cases.proto


export interface ListCasesRequest {
  'districtCode'?: (string);
  'wardCode'?: (string);
  'status'?: (string);
}

export interface ListCasesRequest__Output {
  'districtCode': (string);
  'wardCode': (string);
  'status': (string);
}
