// Original file: protos/truyvet/cases/v1/cases.proto

import type { Task as _truyvet_cases_v1_Task, Task__Output as _truyvet_cases_v1_Task__Output } from '../../../truyvet/cases/v1/Task';

export interface ListTasksResponse {
  'tasks'?: (_truyvet_cases_v1_Task)[];
  'overdue'?: (number);
}

export interface ListTasksResponse__Output {
  'tasks': (_truyvet_cases_v1_Task__Output)[];
  'overdue': (number);
}
