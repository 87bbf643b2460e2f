// Original file: protos/truyvet/samples/v1/persons.proto


export interface Candidate {
  'personId'?: (string);
  'reasons'?: (string)[];
}

export interface Candidate__Output {
  'personId': (string);
  'reasons': (string)[];
}
