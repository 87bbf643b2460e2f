// Original file: protos/truyvet/cases/v1/cases.proto


export interface Exposure {
  'sourcePersonId'?: (string);
  'contactType'?: (string);
  'lastExposureOn'?: (string);
  'via'?: (string);
  'sourceLevel'?: (number);
}

export interface Exposure__Output {
  'sourcePersonId': (string);
  'contactType': (string);
  'lastExposureOn': (string);
  'via': (string);
  'sourceLevel': (number);
}
