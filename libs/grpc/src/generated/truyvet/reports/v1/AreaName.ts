// Original file: protos/truyvet/reports/v1/reports.proto


export interface AreaName {
  'level'?: (string);
  'code'?: (string);
  'name'?: (string);
}

export interface AreaName__Output {
  'level': (string);
  'code': (string);
  'name': (string);
}
