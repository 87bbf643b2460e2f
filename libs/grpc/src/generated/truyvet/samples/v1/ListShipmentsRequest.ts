// Original file: protos/truyvet/samples/v1/samples.proto


export interface ListShipmentsRequest {
  'districtCode'?: (string);
}

export interface ListShipmentsRequest__Output {
  'districtCode': (string);
}
