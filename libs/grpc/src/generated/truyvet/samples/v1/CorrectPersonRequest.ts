// Original file: protos/truyvet/samples/v1/persons.proto

import type { PersonDetails as _truyvet_samples_v1_PersonDetails, PersonDetails__Output as _truyvet_samples_v1_PersonDetails__Output } from '../../../truyvet/samples/v1/PersonDetails';

export interface CorrectPersonRequest {
  'personId'?: (string);
  'expectedVersion'?: (number);
  'details'?: (_truyvet_samples_v1_PersonDetails | null);
  'reason'?: (string);
}

export interface CorrectPersonRequest__Output {
  'personId': (string);
  'expectedVersion': (number);
  'details': (_truyvet_samples_v1_PersonDetails__Output | null);
  'reason': (string);
}
