// Original file: protos/truyvet/testing/v1/registry.proto

import type { Address as _truyvet_testing_v1_Address, Address__Output as _truyvet_testing_v1_Address__Output } from '../../../truyvet/testing/v1/Address';
import type { Long } from '@grpc/proto-loader';

export interface Person {
  'personId'?: (string);
  'fullName'?: (string);
  'birthYear'?: (number);
  'address'?: (_truyvet_testing_v1_Address | null);
  'registeredAtMs'?: (number | string | Long);
}

export interface Person__Output {
  'personId': (string);
  'fullName': (string);
  'birthYear': (number);
  'address': (_truyvet_testing_v1_Address__Output | null);
  'registeredAtMs': (string);
}
