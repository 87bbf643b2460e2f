// Original file: protos/truyvet/cases/v1/cases.proto


export interface Facility {
  'facilityId'?: (string);
  'name'?: (string);
  'districtCode'?: (string);
  'wardCode'?: (string);
  'accepts'?: (string)[];
  'capacity'?: (number);
  'occupied'?: (number);
  'free'?: (number);
  'servesWholeCity'?: (boolean);
}

export interface Facility__Output {
  'facilityId': (string);
  'name': (string);
  'districtCode': (string);
  'wardCode': (string);
  'accepts': (string)[];
  'capacity': (number);
  'occupied': (number);
  'free': (number);
  'servesWholeCity': (boolean);
}
