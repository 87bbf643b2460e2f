// Original file: protos/truyvet/samples/v1/persons.proto

import type { PersonDetails as _truyvet_samples_v1_PersonDetails, PersonDetails__Output as _truyvet_samples_v1_PersonDetails__Output } from '../../../truyvet/samples/v1/PersonDetails';

export interface RegisterPersonRequest {
  'details'?: (_truyvet_samples_v1_PersonDetails | null);
  'registerDespiteCandidates'?: (boolean);
  'contactRef'?: (string);
}

export interface RegisterPersonRequest__Output {
  'details': (_truyvet_samples_v1_PersonDetails__Output | null);
  'registerDespiteCandidates': (boolean);
  'contactRef': (string);
}
