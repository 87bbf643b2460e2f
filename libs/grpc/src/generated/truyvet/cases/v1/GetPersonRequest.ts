// Original file: protos/truyvet/cases/v1/cases.proto


export interface GetPersonRequest {
  'personId'?: (string);
}

export interface GetPersonRequest__Output {
  'personId': (string);
}
