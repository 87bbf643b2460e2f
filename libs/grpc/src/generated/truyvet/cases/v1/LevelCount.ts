// Original file: protos/truyvet/cases/v1/cases.proto


export interface LevelCount {
  'level'?: (number);
  'count'?: (number);
}

export interface LevelCount__Output {
  'level': (number);
  'count': (number);
}
