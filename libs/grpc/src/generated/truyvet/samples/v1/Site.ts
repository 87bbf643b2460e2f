// Original file: protos/truyvet/samples/v1/samples.proto


export interface Site {
  'districtCode'?: (string);
  'wardCode'?: (string);
  'name'?: (string);
}

export interface Site__Output {
  'districtCode': (string);
  'wardCode': (string);
  'name': (string);
}
