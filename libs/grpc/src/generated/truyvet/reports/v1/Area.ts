// Original file: protos/truyvet/reports/v1/reports.proto


export interface Area {
  'level'?: (string);
  'code'?: (string);
}

export interface Area__Output {
  'level': (string);
  'code': (string);
}
