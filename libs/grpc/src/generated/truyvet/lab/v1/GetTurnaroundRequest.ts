// Original file: protos/truyvet/lab/v1/lab.proto


export interface GetTurnaroundRequest {
  'districtCode'?: (string);
  'date'?: (string);
}

export interface GetTurnaroundRequest__Output {
  'districtCode': (string);
  'date': (string);
}
