// Original file: protos/truyvet/cases/v1/cases.proto

import type { WaitingOrder as _truyvet_cases_v1_WaitingOrder, WaitingOrder__Output as _truyvet_cases_v1_WaitingOrder__Output } from '../../../truyvet/cases/v1/WaitingOrder';

export interface ListWaitingResponse {
  'orders'?: (_truyvet_cases_v1_WaitingOrder)[];
}

export interface ListWaitingResponse__Output {
  'orders': (_truyvet_cases_v1_WaitingOrder__Output)[];
}
