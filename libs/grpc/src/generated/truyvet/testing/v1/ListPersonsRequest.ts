// Original file: protos/truyvet/testing/v1/registry.proto


export interface ListPersonsRequest {
  'wardCode'?: (string);
}

export interface ListPersonsRequest__Output {
  'wardCode': (string);
}
