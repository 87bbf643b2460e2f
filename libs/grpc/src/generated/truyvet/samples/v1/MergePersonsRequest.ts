// Original file: protos/truyvet/samples/v1/persons.proto


export interface MergePersonsRequest {
  'survivorId'?: (string);
  'mergedId'?: (string);
  'reason'?: (string);
}

export interface MergePersonsRequest__Output {
  'survivorId': (string);
  'mergedId': (string);
  'reason': (string);
}
