// Original file: protos/truyvet/cases/v1/cases.proto


export interface ListRuleSetsRequest {
}

export interface ListRuleSetsRequest__Output {
}
