// Original file: protos/truyvet/audit/v1/audit.proto

import type { PersonRead as _truyvet_audit_v1_PersonRead, PersonRead__Output as _truyvet_audit_v1_PersonRead__Output } from '../../../truyvet/audit/v1/PersonRead';

export interface ListPersonReadsResponse {
  'reads'?: (_truyvet_audit_v1_PersonRead)[];
}

export interface ListPersonReadsResponse__Output {
  'reads': (_truyvet_audit_v1_PersonRead__Output)[];
}
