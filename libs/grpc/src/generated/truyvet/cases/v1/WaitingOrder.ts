// Original file: protos/truyvet/cases/v1/cases.proto


export interface WaitingOrder {
  'orderId'?: (string);
  'personId'?: (string);
  'need'?: (string);
  'districtCode'?: (string);
  'since'?: (string);
}

export interface WaitingOrder__Output {
  'orderId': (string);
  'personId': (string);
  'need': (string);
  'districtCode': (string);
  'since': (string);
}
