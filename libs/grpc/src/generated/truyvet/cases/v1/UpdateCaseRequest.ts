// Original file: protos/truyvet/cases/v1/cases.proto


export interface UpdateCaseRequest {
  'caseId'?: (string);
  'symptomOnset'?: (string);
  'severity'?: (string);
}

export interface UpdateCaseRequest__Output {
  'caseId': (string);
  'symptomOnset': (string);
  'severity': (string);
}
