// Original file: protos/truyvet/samples/v1/samples.proto

import type { Shipment as _truyvet_samples_v1_Shipment, Shipment__Output as _truyvet_samples_v1_Shipment__Output } from '../../../truyvet/samples/v1/Shipment';

export interface ListShipmentsResponse {
  'shipments'?: (_truyvet_samples_v1_Shipment)[];
}

export interface ListShipmentsResponse__Output {
  'shipments': (_truyvet_samples_v1_Shipment__Output)[];
}
