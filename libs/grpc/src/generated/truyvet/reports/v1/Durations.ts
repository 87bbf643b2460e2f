// Original file: protos/truyvet/reports/v1/reports.proto


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
