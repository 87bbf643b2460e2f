// Original file: protos/truyvet/cases/v1/cases.proto


export interface TaskEvent {
  'at'?: (string);
  'by'?: (string);
  'action'?: (string);
  'outcome'?: (string);
  'note'?: (string);
  'toWardCode'?: (string);
}

export interface TaskEvent__Output {
  'at': (string);
  'by': (string);
  'action': (string);
  'outcome': (string);
  'note': (string);
  'toWardCode': (string);
}
