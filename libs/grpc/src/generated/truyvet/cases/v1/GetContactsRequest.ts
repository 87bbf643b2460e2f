// Original file: protos/truyvet/cases/v1/cases.proto


export interface GetContactsRequest {
  'personId'?: (string);
  'depth'?: (number);
}

export interface GetContactsRequest__Output {
  'personId': (string);
  'depth': (number);
}
