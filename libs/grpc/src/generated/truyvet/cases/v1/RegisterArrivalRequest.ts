// Original file: protos/truyvet/cases/v1/cases.proto


export interface RegisterArrivalRequest {
  'personId'?: (string);
  'fromAreaCode'?: (string);
  'arrivedOn'?: (string);
}

export interface RegisterArrivalRequest__Output {
  'personId': (string);
  'fromAreaCode': (string);
  'arrivedOn': (string);
}
