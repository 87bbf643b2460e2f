// Original file: protos/truyvet/samples/v1/samples.proto


export interface GetSampleRequest {
  'sampleId'?: (string);
}

export interface GetSampleRequest__Output {
  'sampleId': (string);
}
