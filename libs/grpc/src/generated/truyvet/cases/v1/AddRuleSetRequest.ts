// Original file: protos/truyvet/cases/v1/cases.proto


export interface AddRuleSetRequest {
  'ruleSetJson'?: (string);
}

export interface AddRuleSetRequest__Output {
  'ruleSetJson': (string);
}
