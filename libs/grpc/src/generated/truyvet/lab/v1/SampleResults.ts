// Original file: protos/truyvet/lab/v1/lab.proto

import type { ResultEntry as _truyvet_lab_v1_ResultEntry, ResultEntry__Output as _truyvet_lab_v1_ResultEntry__Output } from '../../../truyvet/lab/v1/ResultEntry';

export interface SampleResults {
  'sampleId'?: (string);
  'barcode'?: (string);
  'pooled'?: (boolean);
  'personIds'?: (string)[];
  'collectedAt'?: (string);
  'districtCode'?: (string);
  'receivedAt'?: (string);
  'rejectedAtAccession'?: (string);
  'history'?: (_truyvet_lab_v1_ResultEntry)[];
  'openOrderIds'?: (string)[];
  'flaggedForReview'?: (boolean);
}

export interface SampleResults__Output {
  'sampleId': (string);
  'barcode': (string);
  'pooled': (boolean);
  'personIds': (string)[];
  'collectedAt': (string);
  'districtCode': (string);
  'receivedAt': (string);
  'rejectedAtAccession': (string);
  'history': (_truyvet_lab_v1_ResultEntry__Output)[];
  'openOrderIds': (string)[];
  'flaggedForReview': (boolean);
}
