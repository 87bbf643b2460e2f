// Original file: protos/truyvet/samples/v1/persons.proto


export interface Existing {
  'personId'?: (string);
  'reason'?: (string);
}

export interface Existing__Output {
  'personId': (string);
  'reason': (string);
}
