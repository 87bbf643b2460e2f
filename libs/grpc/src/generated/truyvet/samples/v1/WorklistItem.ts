// Original file: protos/truyvet/samples/v1/samples.proto


export interface WorklistItem {
  'orderId'?: (string);
  'personId'?: (string);
  'reason'?: (string);
  'dueBy'?: (string);
  'overdue'?: (boolean);
  'wardCode'?: (string);
  'cause'?: (string);
}

export interface WorklistItem__Output {
  'orderId': (string);
  'personId': (string);
  'reason': (string);
  'dueBy': (string);
  'overdue': (boolean);
  'wardCode': (string);
  'cause': (string);
}
