// Original file: protos/truyvet/cases/v1/cases.proto

import type { PersonDetails as _truyvet_samples_v1_PersonDetails, PersonDetails__Output as _truyvet_samples_v1_PersonDetails__Output } from '../../../truyvet/samples/v1/PersonDetails';

export interface ContactInput {
  'personId'?: (string);
  'details'?: (_truyvet_samples_v1_PersonDetails | null);
  'contactType'?: (string);
  'lastExposureOn'?: (string);
}

export interface ContactInput__Output {
  'personId': (string);
  'details': (_truyvet_samples_v1_PersonDetails__Output | null);
  'contactType': (string);
  'lastExposureOn': (string);
}
