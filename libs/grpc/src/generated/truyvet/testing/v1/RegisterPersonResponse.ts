// Original file: protos/truyvet/testing/v1/registry.proto


export interface RegisterPersonResponse {
  'personId'?: (string);
}

export interface RegisterPersonResponse__Output {
  'personId': (string);
}
