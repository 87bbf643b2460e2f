// Original file: protos/truyvet/cases/v1/cases.proto


export interface RecordDeathRequest {
  'caseId'?: (string);
  'diedOn'?: (string);
}

export interface RecordDeathRequest__Output {
  'caseId': (string);
  'diedOn': (string);
}
