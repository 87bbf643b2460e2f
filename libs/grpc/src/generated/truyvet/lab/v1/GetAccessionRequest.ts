// Original file: protos/truyvet/lab/v1/lab.proto


export interface GetAccessionRequest {
  'shipmentId'?: (string);
}

export interface GetAccessionRequest__Output {
  'shipmentId': (string);
}
