// Original file: protos/truyvet/cases/v1/cases.proto


export interface Contact {
  'contactPersonId'?: (string);
  'contactType'?: (string);
  'lastExposureOn'?: (string);
  'via'?: (string);
  'recordedBy'?: (string);
}

export interface Contact__Output {
  'contactPersonId': (string);
  'contactType': (string);
  'lastExposureOn': (string);
  'via': (string);
  'recordedBy': (string);
}
