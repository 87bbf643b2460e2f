// Original file: protos/truyvet/lab/v1/lab.proto


export interface RejectedTube {
  'sampleId'?: (string);
  'reason'?: (string);
}

export interface RejectedTube__Output {
  'sampleId': (string);
  'reason': (string);
}
