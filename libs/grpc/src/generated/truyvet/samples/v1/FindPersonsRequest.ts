// Original file: protos/truyvet/samples/v1/persons.proto


export interface FindPersonsRequest {
  'nationalId'?: (string);
  'phone'?: (string);
  'fullName'?: (string);
  'birthYear'?: (number);
  'householdId'?: (string);
}

export interface FindPersonsRequest__Output {
  'nationalId': (string);
  'phone': (string);
  'fullName': (string);
  'birthYear': (number);
  'householdId': (string);
}
