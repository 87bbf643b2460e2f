// Original file: protos/truyvet/cases/v1/cases.proto

import type { IsolationOrder as _truyvet_cases_v1_IsolationOrder, IsolationOrder__Output as _truyvet_cases_v1_IsolationOrder__Output } from '../../../truyvet/cases/v1/IsolationOrder';

export interface CaseView {
  'caseId'?: (string);
  'personId'?: (string);
  'episode'?: (number);
  'status'?: (string);
  'foundIn'?: (string);
  'confirmedAt'?: (string);
  'infectiousFrom'?: (string);
  'infectiousUntil'?: (string);
  'symptomOnset'?: (string);
  'severity'?: (string);
  'likelySourcePersonId'?: (string);
  'clusterId'?: (string);
  'districtCode'?: (string);
  'wardCode'?: (string);
  'resultIds'?: (string)[];
  'sampleIds'?: (string)[];
  'closedOn'?: (string);
  'treatment'?: (_truyvet_cases_v1_IsolationOrder | null);
  'contacts'?: (number);
}

export interface CaseView__Output {
  'caseId': (string);
  'personId': (string);
  'episode': (number);
  'status': (string);
  'foundIn': (string);
  'confirmedAt': (string);
  'infectiousFrom': (string);
  'infectiousUntil': (string);
  'symptomOnset': (string);
  'severity': (string);
  'likelySourcePersonId': (string);
  'clusterId': (string);
  'districtCode': (string);
  'wardCode': (string);
  'resultIds': (string)[];
  'sampleIds': (string)[];
  'closedOn': (string);
  'treatment': (_truyvet_cases_v1_IsolationOrder__Output | null);
  'contacts': (number);
}
