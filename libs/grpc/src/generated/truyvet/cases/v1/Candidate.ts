// Original file: protos/truyvet/cases/v1/cases.proto


export interface Candidate {
  'sourcePersonId'?: (string);
  'contactPersonId'?: (string);
  'contactType'?: (string);
  'lastExposureOn'?: (string);
  'evidence'?: (string);
  'detail'?: (string);
}

export interface Candidate__Output {
  'sourcePersonId': (string);
  'contactPersonId': (string);
  'contactType': (string);
  'lastExposureOn': (string);
  'evidence': (string);
  'detail': (string);
}
