// Original file: protos/truyvet/cases/v1/cases.proto


export interface ListFacilitiesRequest {
  'districtCode'?: (string);
}

export interface ListFacilitiesRequest__Output {
  'districtCode': (string);
}
