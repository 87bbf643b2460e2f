// Original file: protos/truyvet/samples/v1/persons.proto


export interface Registered {
  'personId'?: (string);
}

export interface Registered__Output {
  'personId': (string);
}
