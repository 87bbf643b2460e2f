// Original file: protos/truyvet/samples/v1/persons.proto

import type { Registered as _truyvet_samples_v1_Registered, Registered__Output as _truyvet_samples_v1_Registered__Output } from '../../../truyvet/samples/v1/Registered';
import type { Existing as _truyvet_samples_v1_Existing, Existing__Output as _truyvet_samples_v1_Existing__Output } from '../../../truyvet/samples/v1/Existing';
import type { Candidates as _truyvet_samples_v1_Candidates, Candidates__Output as _truyvet_samples_v1_Candidates__Output } from '../../../truyvet/samples/v1/Candidates';

export interface RegisterPersonResponse {
  'registered'?: (_truyvet_samples_v1_Registered | null);
  'existing'?: (_truyvet_samples_v1_Existing | null);
  'candidates'?: (_truyvet_samples_v1_Candidates | null);
  'outcome'?: "registered"|"existing"|"candidates";
}

export interface RegisterPersonResponse__Output {
  'registered'?: (_truyvet_samples_v1_Registered__Output | null);
  'existing'?: (_truyvet_samples_v1_Existing__Output | null);
  'candidates'?: (_truyvet_samples_v1_Candidates__Output | null);
  'outcome'?: "registered"|"existing"|"candidates";
}
