// Original file: protos/truyvet/lab/v1/lab.proto

import type { Durations as _truyvet_lab_v1_Durations, Durations__Output as _truyvet_lab_v1_Durations__Output } from '../../../truyvet/lab/v1/Durations';

export interface Turnaround {
  'districtCode'?: (string);
  'date'?: (string);
  'collected'?: (number);
  'received'?: (number);
  'resulted'?: (number);
  'rejected'?: (number);
  'collectedToReceived'?: (_truyvet_lab_v1_Durations | null);
  'receivedToResulted'?: (_truyvet_lab_v1_Durations | null);
  'collectedToResulted'?: (_truyvet_lab_v1_Durations | null);
  'overdue'?: (number);
  'overdueSampleIds'?: (string)[];
}

export interface Turnaround__Output {
  'districtCode': (string);
  'date': (string);
  'collected': (number);
  'received': (number);
  'resulted': (number);
  'rejected': (number);
  'collectedToReceived': (_truyvet_lab_v1_Durations__Output | null);
  'receivedToResulted': (_truyvet_lab_v1_Durations__Output | null);
  'collectedToResulted': (_truyvet_lab_v1_Durations__Output | null);
  'overdue': (number);
  'overdueSampleIds': (string)[];
}
