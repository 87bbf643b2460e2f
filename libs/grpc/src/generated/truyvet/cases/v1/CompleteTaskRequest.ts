// Original file: protos/truyvet/cases/v1/cases.proto


export interface CompleteTaskRequest {
  'taskId'?: (string);
  'outcome'?: (string);
  'note'?: (string);
  'movedToWardCode'?: (string);
  'chosenPersonId'?: (string);
}

export interface CompleteTaskRequest__Output {
  'taskId': (string);
  'outcome': (string);
  'note': (string);
  'movedToWardCode': (string);
  'chosenPersonId': (string);
}
