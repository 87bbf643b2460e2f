// Original file: protos/truyvet/lab/v1/lab.proto


export interface GetSampleResultsRequest {
  'barcode'?: (string);
}

export interface GetSampleResultsRequest__Output {
  'barcode': (string);
}
