// Original file: protos/truyvet/lab/v1/lab.proto


export interface Durations {
  'count'?: (number);
  'p50Hours'?: (number | string);
  'p90Hours'?: (number | string);
}

export interface Durations__Output {
  'count': (number);
  'p50Hours': (number);
  'p90Hours': (number);
}
