// Original file: protos/truyvet/cases/v1/cases.proto


export interface ClusterMember {
  'personId'?: (string);
  'level'?: (number);
  'sourcePersonId'?: (string);
  'wardCode'?: (string);
}

export interface ClusterMember__Output {
  'personId': (string);
  'level': (number);
  'sourcePersonId': (string);
  'wardCode': (string);
}
