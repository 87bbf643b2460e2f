// Original file: protos/truyvet/cases/v1/cases.proto


export interface RuleSetView {
  'id'?: (string);
  'effectiveFrom'?: (string);
  'decision'?: (string);
  'json'?: (string);
}

export interface RuleSetView__Output {
  'id': (string);
  'effectiveFrom': (string);
  'decision': (string);
  'json': (string);
}
