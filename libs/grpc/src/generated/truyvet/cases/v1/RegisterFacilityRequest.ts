// Original file: protos/truyvet/cases/v1/cases.proto


export interface RegisterFacilityRequest {
  'facilityId'?: (string);
  'name'?: (string);
  'districtCode'?: (string);
  'wardCode'?: (string);
  'accepts'?: (string)[];
  'capacity'?: (number);
  'servesWholeCity'?: (boolean);
}

export interface RegisterFacilityRequest__Output {
  'facilityId': (string);
  'name': (string);
  'districtCode': (string);
  'wardCode': (string);
  'accepts': (string)[];
  'capacity': (number);
  'servesWholeCity': (boolean);
}
