// Original file: protos/truyvet/lab/v1/lab.proto


export interface RecordedResult {
  'sampleId'?: (string);
  'resultId'?: (string);
  'outcome'?: (string);
  'unchanged'?: (boolean);
}

export interface RecordedResult__Output {
  'sampleId': (string);
  'resultId': (string);
  'outcome': (string);
  'unchanged': (boolean);
}
