// Original file: protos/truyvet/cases/v1/cases.proto


export interface ReleaseDueRequest {
}

export interface ReleaseDueRequest__Output {
}
