// Original file: protos/truyvet/cases/v1/cases.proto


export interface VenueCheckIn {
  'venueId'?: (string);
  'venueName'?: (string);
  'personId'?: (string);
  'from'?: (string);
  'to'?: (string);
}

export interface VenueCheckIn__Output {
  'venueId': (string);
  'venueName': (string);
  'personId': (string);
  'from': (string);
  'to': (string);
}
