// Original file: protos/truyvet/cases/v1/cases.proto

import type { VenueVisit as _truyvet_cases_v1_VenueVisit, VenueVisit__Output as _truyvet_cases_v1_VenueVisit__Output } from '../../../truyvet/cases/v1/VenueVisit';
import type { Candidate as _truyvet_cases_v1_Candidate, Candidate__Output as _truyvet_cases_v1_Candidate__Output } from '../../../truyvet/cases/v1/Candidate';

export interface VenueGraph {
  'venueId'?: (string);
  'visits'?: (_truyvet_cases_v1_VenueVisit)[];
  'candidates'?: (_truyvet_cases_v1_Candidate)[];
  'withheld'?: (number);
}

export interface VenueGraph__Output {
  'venueId': (string);
  'visits': (_truyvet_cases_v1_VenueVisit__Output)[];
  'candidates': (_truyvet_cases_v1_Candidate__Output)[];
  'withheld': (number);
}
