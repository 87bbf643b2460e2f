// Original file: protos/truyvet/samples/v1/samples.proto


export interface GetShipmentRequest {
  'shipmentId'?: (string);
}

export interface GetShipmentRequest__Output {
  'shipmentId': (string);
}
