// Original file: protos/truyvet/cases/v1/cases.proto


export interface AddRuleSetRequest {
  'ruleSetJson'?: (string);
  'pastReason'?: (string);
}

export interface AddRuleSetRequest__Output {
  'ruleSetJson': (string);
  'pastReason': (string);
}
