// Original file: protos/truyvet/cases/v1/cases.proto


export interface ChainLink {
  'personId'?: (string);
  'caseId'?: (string);
  'level'?: (number);
  'infectedBy'?: (string);
  'generation'?: (number);
  'confirmedAt'?: (string);
  'foundIn'?: (string);
}

export interface ChainLink__Output {
  'personId': (string);
  'caseId': (string);
  'level': (number);
  'infectedBy': (string);
  'generation': (number);
  'confirmedAt': (string);
  'foundIn': (string);
}
