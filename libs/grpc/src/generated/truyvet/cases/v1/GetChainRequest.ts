// Original file: protos/truyvet/cases/v1/cases.proto


export interface GetChainRequest {
  'personId'?: (string);
}

export interface GetChainRequest__Output {
  'personId': (string);
}
