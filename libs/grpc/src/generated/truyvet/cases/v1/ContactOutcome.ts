// Original file: protos/truyvet/cases/v1/cases.proto


export interface ContactOutcome {
  'index'?: (number);
  'status'?: (string);
  'contactId'?: (string);
  'contactRef'?: (string);
}

export interface ContactOutcome__Output {
  'index': (number);
  'status': (string);
  'contactId': (string);
  'contactRef': (string);
}
