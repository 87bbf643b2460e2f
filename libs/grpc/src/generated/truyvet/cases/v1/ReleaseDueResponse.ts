// Original file: protos/truyvet/cases/v1/cases.proto


export interface ReleaseDueResponse {
  'checked'?: (number);
  'released'?: (number);
  'awaitingLastTest'?: (number);
  'lastTestMissing'?: (number);
}

export interface ReleaseDueResponse__Output {
  'checked': (number);
  'released': (number);
  'awaitingLastTest': (number);
  'lastTestMissing': (number);
}
