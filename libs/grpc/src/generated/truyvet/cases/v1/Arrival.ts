// Original file: protos/truyvet/cases/v1/cases.proto


export interface Arrival {
  'fromAreaCode'?: (string);
  'fromAreaName'?: (string);
  'arrivedOn'?: (string);
  'epidemicArea'?: (boolean);
}

export interface Arrival__Output {
  'fromAreaCode': (string);
  'fromAreaName': (string);
  'arrivedOn': (string);
  'epidemicArea': (boolean);
}
