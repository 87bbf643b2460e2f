// Original file: protos/truyvet/reports/v1/reports.proto


export interface VaccinationFigures {
  'atLeastOneDose'?: (number);
  'fullyVaccinated'?: (number);
  'doses'?: (number);
}

export interface VaccinationFigures__Output {
  'atLeastOneDose': (number);
  'fullyVaccinated': (number);
  'doses': (number);
}
