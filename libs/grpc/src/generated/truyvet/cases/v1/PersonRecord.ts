// Original file: protos/truyvet/cases/v1/cases.proto

import type { CaseView as _truyvet_cases_v1_CaseView, CaseView__Output as _truyvet_cases_v1_CaseView__Output } from '../../../truyvet/cases/v1/CaseView';
import type { Exposure as _truyvet_cases_v1_Exposure, Exposure__Output as _truyvet_cases_v1_Exposure__Output } from '../../../truyvet/cases/v1/Exposure';
import type { Contact as _truyvet_cases_v1_Contact, Contact__Output as _truyvet_cases_v1_Contact__Output } from '../../../truyvet/cases/v1/Contact';
import type { PendingContact as _truyvet_cases_v1_PendingContact, PendingContact__Output as _truyvet_cases_v1_PendingContact__Output } from '../../../truyvet/cases/v1/PendingContact';
import type { IsolationOrder as _truyvet_cases_v1_IsolationOrder, IsolationOrder__Output as _truyvet_cases_v1_IsolationOrder__Output } from '../../../truyvet/cases/v1/IsolationOrder';
import type { Arrival as _truyvet_cases_v1_Arrival, Arrival__Output as _truyvet_cases_v1_Arrival__Output } from '../../../truyvet/cases/v1/Arrival';

export interface PersonRecord {
  'personId'?: (string);
  'districtCode'?: (string);
  'wardCode'?: (string);
  'classification'?: (string);
  'level'?: (number);
  'path'?: (string)[];
  'rootCaseId'?: (string);
  'clusterId'?: (string);
  'sourcePersonId'?: (string);
  'lastExposureOn'?: (string);
  'cases'?: (_truyvet_cases_v1_CaseView)[];
  'exposures'?: (_truyvet_cases_v1_Exposure)[];
  'contacts'?: (_truyvet_cases_v1_Contact)[];
  'pendingContacts'?: (_truyvet_cases_v1_PendingContact)[];
  'orders'?: (_truyvet_cases_v1_IsolationOrder)[];
  'arrivals'?: (_truyvet_cases_v1_Arrival)[];
  'releaseStatus'?: (string);
  'resultIds'?: (string)[];
}

export interface PersonRecord__Output {
  'personId': (string);
  'districtCode': (string);
  'wardCode': (string);
  'classification': (string);
  'level': (number);
  'path': (string)[];
  'rootCaseId': (string);
  'clusterId': (string);
  'sourcePersonId': (string);
  'lastExposureOn': (string);
  'cases': (_truyvet_cases_v1_CaseView__Output)[];
  'exposures': (_truyvet_cases_v1_Exposure__Output)[];
  'contacts': (_truyvet_cases_v1_Contact__Output)[];
  'pendingContacts': (_truyvet_cases_v1_PendingContact__Output)[];
  'orders': (_truyvet_cases_v1_IsolationOrder__Output)[];
  'arrivals': (_truyvet_cases_v1_Arrival__Output)[];
  'releaseStatus': (string);
  'resultIds': (string)[];
}
