// Original file: protos/truyvet/cases/v1/cases.proto


export interface GetClusterRequest {
  'clusterId'?: (string);
}

export interface GetClusterRequest__Output {
  'clusterId': (string);
}
