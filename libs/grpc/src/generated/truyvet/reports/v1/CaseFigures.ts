// Original file: protos/truyvet/reports/v1/reports.proto


export interface CaseFigures {
  'newToday'?: (number);
  'newInCommunity'?: (number);
  'newInQuarantine'?: (number);
  'recoveredToday'?: (number);
  'deathsToday'?: (number);
  'total'?: (number);
  'underTreatment'?: (number);
  'recovered'?: (number);
  'deaths'?: (number);
}

export interface CaseFigures__Output {
  'newToday': (number);
  'newInCommunity': (number);
  'newInQuarantine': (number);
  'recoveredToday': (number);
  'deathsToday': (number);
  'total': (number);
  'underTreatment': (number);
  'recovered': (number);
  'deaths': (number);
}
