// Original file: protos/truyvet/cases/v1/cases.proto

import type { ScheduledTest as _truyvet_cases_v1_ScheduledTest, ScheduledTest__Output as _truyvet_cases_v1_ScheduledTest__Output } from '../../../truyvet/cases/v1/ScheduledTest';

export interface IsolationOrder {
  'orderId'?: (string);
  'kind'?: (string);
  'reason'?: (string);
  'level'?: (number);
  'tier'?: (string);
  'startsOn'?: (string);
  'endsOn'?: (string);
  'status'?: (string);
  'endedOn'?: (string);
  'endReason'?: (string);
  'facilityId'?: (string);
  'facilityName'?: (string);
  'waitlisted'?: (boolean);
  'ruleSetId'?: (string);
  'tests'?: (_truyvet_cases_v1_ScheduledTest)[];
  'nextTestOn'?: (string);
}

export interface IsolationOrder__Output {
  'orderId': (string);
  'kind': (string);
  'reason': (string);
  'level': (number);
  'tier': (string);
  'startsOn': (string);
  'endsOn': (string);
  'status': (string);
  'endedOn': (string);
  'endReason': (string);
  'facilityId': (string);
  'facilityName': (string);
  'waitlisted': (boolean);
  'ruleSetId': (string);
  'tests': (_truyvet_cases_v1_ScheduledTest__Output)[];
  'nextTestOn': (string);
}
