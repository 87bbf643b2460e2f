// Original file: protos/truyvet/cases/v1/cases.proto


export interface IdentityCandidate {
  'personId'?: (string);
  'reasons'?: (string)[];
}

export interface IdentityCandidate__Output {
  'personId': (string);
  'reasons': (string)[];
}
