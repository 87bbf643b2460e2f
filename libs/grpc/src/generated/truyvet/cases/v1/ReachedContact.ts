// Original file: protos/truyvet/cases/v1/cases.proto


export interface ReachedContact {
  'personId'?: (string);
  'distance'?: (number);
  'viaPersonId'?: (string);
  'contactType'?: (string);
  'lastExposureOn'?: (string);
  'level'?: (number);
}

export interface ReachedContact__Output {
  'personId': (string);
  'distance': (number);
  'viaPersonId': (string);
  'contactType': (string);
  'lastExposureOn': (string);
  'level': (number);
}
