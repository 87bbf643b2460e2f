// Original file: protos/truyvet/lab/v1/lab.proto

import type { RejectedTube as _truyvet_lab_v1_RejectedTube, RejectedTube__Output as _truyvet_lab_v1_RejectedTube__Output } from '../../../truyvet/lab/v1/RejectedTube';

export interface Accession {
  'shipmentId'?: (string);
  'status'?: (string);
  'receivedAt'?: (string);
  'receivedSampleIds'?: (string)[];
  'missingSampleIds'?: (string)[];
  'unexpectedBarcodes'?: (string)[];
  'rejected'?: (_truyvet_lab_v1_RejectedTube)[];
  'fromDistrictCode'?: (string);
}

export interface Accession__Output {
  'shipmentId': (string);
  'status': (string);
  'receivedAt': (string);
  'receivedSampleIds': (string)[];
  'missingSampleIds': (string)[];
  'unexpectedBarcodes': (string)[];
  'rejected': (_truyvet_lab_v1_RejectedTube__Output)[];
  'fromDistrictCode': (string);
}
