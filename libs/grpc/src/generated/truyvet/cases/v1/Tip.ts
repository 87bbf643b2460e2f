// Original file: protos/truyvet/cases/v1/cases.proto


export interface Tip {
  'description'?: (string);
  'reporterPhone'?: (string);
  'place'?: (string);
  'personId'?: (string);
}

export interface Tip__Output {
  'description': (string);
  'reporterPhone': (string);
  'place': (string);
  'personId': (string);
}
