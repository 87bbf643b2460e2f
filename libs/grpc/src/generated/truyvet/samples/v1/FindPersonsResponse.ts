// Original file: protos/truyvet/samples/v1/persons.proto

import type { Person as _truyvet_samples_v1_Person, Person__Output as _truyvet_samples_v1_Person__Output } from '../../../truyvet/samples/v1/Person';

export interface FindPersonsResponse {
  'persons'?: (_truyvet_samples_v1_Person)[];
}

export interface FindPersonsResponse__Output {
  'persons': (_truyvet_samples_v1_Person__Output)[];
}
