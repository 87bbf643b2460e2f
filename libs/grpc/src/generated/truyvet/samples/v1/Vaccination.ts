// Original file: protos/truyvet/samples/v1/persons.proto


export interface Vaccination {
  'dose'?: (number);
  'date'?: (string);
  'vaccine'?: (string);
}

export interface Vaccination__Output {
  'dose': (number);
  'date': (string);
  'vaccine': (string);
}
