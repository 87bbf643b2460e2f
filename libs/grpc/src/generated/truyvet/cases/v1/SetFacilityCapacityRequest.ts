// Original file: protos/truyvet/cases/v1/cases.proto


export interface SetFacilityCapacityRequest {
  'facilityId'?: (string);
  'capacity'?: (number);
}

export interface SetFacilityCapacityRequest__Output {
  'facilityId': (string);
  'capacity': (number);
}
