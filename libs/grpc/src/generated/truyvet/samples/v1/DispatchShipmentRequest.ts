// Original file: protos/truyvet/samples/v1/samples.proto


export interface DispatchShipmentRequest {
  'fromDistrictCode'?: (string);
  'labId'?: (string);
  'sampleIds'?: (string)[];
}

export interface DispatchShipmentRequest__Output {
  'fromDistrictCode': (string);
  'labId': (string);
  'sampleIds': (string)[];
}
