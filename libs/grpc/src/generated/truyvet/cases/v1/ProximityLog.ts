// Original file: protos/truyvet/cases/v1/cases.proto


export interface ProximityLog {
  'personA'?: (string);
  'personB'?: (string);
  'from'?: (string);
  'to'?: (string);
}

export interface ProximityLog__Output {
  'personA': (string);
  'personB': (string);
  'from': (string);
  'to': (string);
}
