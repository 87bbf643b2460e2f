// Original file: protos/truyvet/cases/v1/cases.proto


export interface VenueVisit {
  'personId'?: (string);
  'from'?: (string);
  'to'?: (string);
  'level'?: (number);
}

export interface VenueVisit__Output {
  'personId': (string);
  'from': (string);
  'to': (string);
  'level': (number);
}
