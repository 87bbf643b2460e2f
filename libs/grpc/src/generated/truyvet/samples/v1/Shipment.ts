// Original file: protos/truyvet/samples/v1/samples.proto

import type { ManifestItem as _truyvet_samples_v1_ManifestItem, ManifestItem__Output as _truyvet_samples_v1_ManifestItem__Output } from '../../../truyvet/samples/v1/ManifestItem';

export interface Shipment {
  'shipmentId'?: (string);
  'fromDistrictCode'?: (string);
  'labId'?: (string);
  'manifest'?: (_truyvet_samples_v1_ManifestItem)[];
  'dispatchedAt'?: (string);
  'status'?: (string);
  'overdue'?: (boolean);
  'missingSampleIds'?: (string)[];
  'rejectedSampleIds'?: (string)[];
}

export interface Shipment__Output {
  'shipmentId': (string);
  'fromDistrictCode': (string);
  'labId': (string);
  'manifest': (_truyvet_samples_v1_ManifestItem__Output)[];
  'dispatchedAt': (string);
  'status': (string);
  'overdue': (boolean);
  'missingSampleIds': (string)[];
  'rejectedSampleIds': (string)[];
}
