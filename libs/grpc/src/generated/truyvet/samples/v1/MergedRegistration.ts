// Original file: protos/truyvet/samples/v1/persons.proto


export interface MergedRegistration {
  'personId'?: (string);
  'at'?: (string);
  'by'?: (string);
  'reason'?: (string);
}

export interface MergedRegistration__Output {
  'personId': (string);
  'at': (string);
  'by': (string);
  'reason': (string);
}
