// Original file: protos/truyvet/cases/v1/cases.proto


export interface RecordRecoveryRequest {
  'caseId'?: (string);
  'recoveredOn'?: (string);
}

export interface RecordRecoveryRequest__Output {
  'caseId': (string);
  'recoveredOn': (string);
}
