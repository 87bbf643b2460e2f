// Original file: protos/truyvet/samples/v1/persons.proto


export interface Address {
  'districtCode'?: (string);
  'wardCode'?: (string);
  'hamlet'?: (string);
  'street'?: (string);
}

export interface Address__Output {
  'districtCode': (string);
  'wardCode': (string);
  'hamlet': (string);
  'street': (string);
}
