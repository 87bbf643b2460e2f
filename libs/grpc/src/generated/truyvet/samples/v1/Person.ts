// Original file: protos/truyvet/samples/v1/persons.proto

import type { PersonDetails as _truyvet_samples_v1_PersonDetails, PersonDetails__Output as _truyvet_samples_v1_PersonDetails__Output } from '../../../truyvet/samples/v1/PersonDetails';
import type { AuditEntry as _truyvet_samples_v1_AuditEntry, AuditEntry__Output as _truyvet_samples_v1_AuditEntry__Output } from '../../../truyvet/samples/v1/AuditEntry';
import type { MergedRegistration as _truyvet_samples_v1_MergedRegistration, MergedRegistration__Output as _truyvet_samples_v1_MergedRegistration__Output } from '../../../truyvet/samples/v1/MergedRegistration';

export interface Person {
  'personId'?: (string);
  'version'?: (number);
  'details'?: (_truyvet_samples_v1_PersonDetails | null);
  'mergedInto'?: (string);
  'audit'?: (_truyvet_samples_v1_AuditEntry)[];
  'mergedFrom'?: (_truyvet_samples_v1_MergedRegistration)[];
}

export interface Person__Output {
  'personId': (string);
  'version': (number);
  'details': (_truyvet_samples_v1_PersonDetails__Output | null);
  'mergedInto': (string);
  'audit': (_truyvet_samples_v1_AuditEntry__Output)[];
  'mergedFrom': (_truyvet_samples_v1_MergedRegistration__Output)[];
}
