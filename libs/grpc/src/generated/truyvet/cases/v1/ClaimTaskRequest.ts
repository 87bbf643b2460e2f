// Original file: protos/truyvet/cases/v1/cases.proto


export interface ClaimTaskRequest {
  'taskId'?: (string);
}

export interface ClaimTaskRequest__Output {
  'taskId': (string);
}
