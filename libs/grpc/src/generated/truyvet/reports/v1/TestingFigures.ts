// Original file: protos/truyvet/reports/v1/reports.proto


export interface TestingFigures {
  'samplesCollected'?: (number);
  'peopleSampled'?: (number);
  'samplesTested'?: (number);
  'peopleTested'?: (number);
  'samplesPositive'?: (number);
  'positivity'?: (number | string);
}

export interface TestingFigures__Output {
  'samplesCollected': (number);
  'peopleSampled': (number);
  'samplesTested': (number);
  'peopleTested': (number);
  'samplesPositive': (number);
  'positivity': (number);
}
