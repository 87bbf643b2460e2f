// Original file: protos/truyvet/testing/v1/registry.proto

import type { Address as _truyvet_testing_v1_Address, Address__Output as _truyvet_testing_v1_Address__Output } from '../../../truyvet/testing/v1/Address';

export interface RegisterPersonRequest {
  'fullName'?: (string);
  'birthYear'?: (number);
  'address'?: (_truyvet_testing_v1_Address | null);
}

export interface RegisterPersonRequest__Output {
  'fullName': (string);
  'birthYear': (number);
  'address': (_truyvet_testing_v1_Address__Output | null);
}
