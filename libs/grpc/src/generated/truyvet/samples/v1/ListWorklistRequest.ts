// Original file: protos/truyvet/samples/v1/samples.proto


export interface ListWorklistRequest {
  'districtCode'?: (string);
  'wardCode'?: (string);
}

export interface ListWorklistRequest__Output {
  'districtCode': (string);
  'wardCode': (string);
}
