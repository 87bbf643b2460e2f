// Original file: protos/truyvet/cases/v1/cases.proto


export interface ListTasksRequest {
  'districtCode'?: (string);
  'wardCode'?: (string);
  'status'?: (string);
  'kind'?: (string);
  'overdueOnly'?: (boolean);
}

export interface ListTasksRequest__Output {
  'districtCode': (string);
  'wardCode': (string);
  'status': (string);
  'kind': (string);
  'overdueOnly': (boolean);
}
