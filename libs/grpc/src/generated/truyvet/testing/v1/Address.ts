// Original file: protos/truyvet/testing/v1/registry.proto


export interface Address {
  'wardCode'?: (string);
  'street'?: (string);
}

export interface Address__Output {
  'wardCode': (string);
  'street': (string);
}
