// Original file: protos/truyvet/lab/v1/lab.proto

import type { ScannedTube as _truyvet_lab_v1_ScannedTube, ScannedTube__Output as _truyvet_lab_v1_ScannedTube__Output } from '../../../truyvet/lab/v1/ScannedTube';

export interface AccessionShipmentRequest {
  'shipmentId'?: (string);
  'tubes'?: (_truyvet_lab_v1_ScannedTube)[];
  'receivedAt'?: (string);
}

export interface AccessionShipmentRequest__Output {
  'shipmentId': (string);
  'tubes': (_truyvet_lab_v1_ScannedTube__Output)[];
  'receivedAt': (string);
}
