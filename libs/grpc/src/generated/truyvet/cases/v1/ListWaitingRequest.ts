// Original file: protos/truyvet/cases/v1/cases.proto


export interface ListWaitingRequest {
}

export interface ListWaitingRequest__Output {
}
