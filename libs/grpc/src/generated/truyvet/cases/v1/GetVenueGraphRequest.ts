// Original file: protos/truyvet/cases/v1/cases.proto


export interface GetVenueGraphRequest {
  'venueId'?: (string);
  'fromDay'?: (string);
  'toDay'?: (string);
}

export interface GetVenueGraphRequest__Output {
  'venueId': (string);
  'fromDay': (string);
  'toDay': (string);
}
