// Original file: protos/truyvet/samples/v1/samples.proto

import type { Site as _truyvet_samples_v1_Site, Site__Output as _truyvet_samples_v1_Site__Output } from '../../../truyvet/samples/v1/Site';

export interface CollectSampleRequest {
  'barcode'?: (string);
  'pooled'?: (boolean);
  'personIds'?: (string)[];
  'collectedAt'?: (string);
  'site'?: (_truyvet_samples_v1_Site | null);
  'teamId'?: (string);
  'reason'?: (string);
  'specimenType'?: (string);
}

export interface CollectSampleRequest__Output {
  'barcode': (string);
  'pooled': (boolean);
  'personIds': (string)[];
  'collectedAt': (string);
  'site': (_truyvet_samples_v1_Site__Output | null);
  'teamId': (string);
  'reason': (string);
  'specimenType': (string);
}
