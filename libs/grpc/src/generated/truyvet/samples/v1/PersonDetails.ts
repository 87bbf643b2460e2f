// Original file: protos/truyvet/samples/v1/persons.proto

import type { Address as _truyvet_samples_v1_Address, Address__Output as _truyvet_samples_v1_Address__Output } from '../../../truyvet/samples/v1/Address';
import type { Vaccination as _truyvet_samples_v1_Vaccination, Vaccination__Output as _truyvet_samples_v1_Vaccination__Output } from '../../../truyvet/samples/v1/Vaccination';

export interface PersonDetails {
  'fullName'?: (string);
  'birthYear'?: (number);
  'birthDate'?: (string);
  'sex'?: (string);
  'nationalId'?: (string);
  'phone'?: (string);
  'address'?: (_truyvet_samples_v1_Address | null);
  'householdId'?: (string);
  'vaccinations'?: (_truyvet_samples_v1_Vaccination)[];
  'comorbidities'?: (string)[];
  'occupation'?: (string);
}

export interface PersonDetails__Output {
  'fullName': (string);
  'birthYear': (number);
  'birthDate': (string);
  'sex': (string);
  'nationalId': (string);
  'phone': (string);
  'address': (_truyvet_samples_v1_Address__Output | null);
  'householdId': (string);
  'vaccinations': (_truyvet_samples_v1_Vaccination__Output)[];
  'comorbidities': (string)[];
  'occupation': (string);
}
