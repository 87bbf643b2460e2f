// Original file: protos/truyvet/audit/v1/audit.proto


export interface PersonRead {
  'at'?: (string);
  'method'?: (string);
  'caller'?: (string);
  'role'?: (string);
  'areaLevel'?: (string);
  'areaCode'?: (string);
  'correlationId'?: (string);
  'peopleInAnswer'?: (number);
  'kind'?: (string);
  'client'?: (string);
  'reason'?: (string);
  'outcome'?: (string);
}

export interface PersonRead__Output {
  'at': (string);
  'method': (string);
  'caller': (string);
  'role': (string);
  'areaLevel': (string);
  'areaCode': (string);
  'correlationId': (string);
  'peopleInAnswer': (number);
  'kind': (string);
  'client': (string);
  'reason': (string);
  'outcome': (string);
}
