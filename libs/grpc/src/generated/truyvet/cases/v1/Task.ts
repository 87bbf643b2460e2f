// Original file: protos/truyvet/cases/v1/cases.proto

import type { IdentityCandidate as _truyvet_cases_v1_IdentityCandidate, IdentityCandidate__Output as _truyvet_cases_v1_IdentityCandidate__Output } from '../../../truyvet/cases/v1/IdentityCandidate';
import type { Candidate as _truyvet_cases_v1_Candidate, Candidate__Output as _truyvet_cases_v1_Candidate__Output } from '../../../truyvet/cases/v1/Candidate';
import type { Tip as _truyvet_cases_v1_Tip, Tip__Output as _truyvet_cases_v1_Tip__Output } from '../../../truyvet/cases/v1/Tip';
import type { TaskEvent as _truyvet_cases_v1_TaskEvent, TaskEvent__Output as _truyvet_cases_v1_TaskEvent__Output } from '../../../truyvet/cases/v1/TaskEvent';

export interface Task {
  'taskId'?: (string);
  'kind'?: (string);
  'status'?: (string);
  'districtCode'?: (string);
  'wardCode'?: (string);
  'personId'?: (string);
  'caseId'?: (string);
  'contactRef'?: (string);
  'candidates'?: (_truyvet_cases_v1_IdentityCandidate)[];
  'candidate'?: (_truyvet_cases_v1_Candidate | null);
  'tip'?: (_truyvet_cases_v1_Tip | null);
  'createdAt'?: (string);
  'dueAt'?: (string);
  'overdue'?: (boolean);
  'claimedBy'?: (string);
  'outcome'?: (string);
  'note'?: (string);
  'completedAt'?: (string);
  'history'?: (_truyvet_cases_v1_TaskEvent)[];
}

export interface Task__Output {
  'taskId': (string);
  'kind': (string);
  'status': (string);
  'districtCode': (string);
  'wardCode': (string);
  'personId': (string);
  'caseId': (string);
  'contactRef': (string);
  'candidates': (_truyvet_cases_v1_IdentityCandidate__Output)[];
  'candidate': (_truyvet_cases_v1_Candidate__Output | null);
  'tip': (_truyvet_cases_v1_Tip__Output | null);
  'createdAt': (string);
  'dueAt': (string);
  'overdue': (boolean);
  'claimedBy': (string);
  'outcome': (string);
  'note': (string);
  'completedAt': (string);
  'history': (_truyvet_cases_v1_TaskEvent__Output)[];
}
