// Original file: protos/truyvet/samples/v1/persons.proto

import type { Candidate as _truyvet_samples_v1_Candidate, Candidate__Output as _truyvet_samples_v1_Candidate__Output } from '../../../truyvet/samples/v1/Candidate';

export interface Candidates {
  'candidates'?: (_truyvet_samples_v1_Candidate)[];
}

export interface Candidates__Output {
  'candidates': (_truyvet_samples_v1_Candidate__Output)[];
}
