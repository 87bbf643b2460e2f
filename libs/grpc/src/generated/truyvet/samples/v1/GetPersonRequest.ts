// Original file: protos/truyvet/samples/v1/persons.proto


export interface GetPersonRequest {
  'personId'?: (string);
}

export interface GetPersonRequest__Output {
  'personId': (string);
}
