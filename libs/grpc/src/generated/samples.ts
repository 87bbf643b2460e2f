import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BadRequest as _google_rpc_BadRequest, BadRequest__Output as _google_rpc_BadRequest__Output } from './google/rpc/BadRequest';
import type { CollectItemResult as _truyvet_samples_v1_CollectItemResult, CollectItemResult__Output as _truyvet_samples_v1_CollectItemResult__Output } from './truyvet/samples/v1/CollectItemResult';
import type { CollectSampleRequest as _truyvet_samples_v1_CollectSampleRequest, CollectSampleRequest__Output as _truyvet_samples_v1_CollectSampleRequest__Output } from './truyvet/samples/v1/CollectSampleRequest';
import type { CollectSamplesResponse as _truyvet_samples_v1_CollectSamplesResponse, CollectSamplesResponse__Output as _truyvet_samples_v1_CollectSamplesResponse__Output } from './truyvet/samples/v1/CollectSamplesResponse';
import type { DispatchShipmentRequest as _truyvet_samples_v1_DispatchShipmentRequest, DispatchShipmentRequest__Output as _truyvet_samples_v1_DispatchShipmentRequest__Output } from './truyvet/samples/v1/DispatchShipmentRequest';
import type { GetSampleRequest as _truyvet_samples_v1_GetSampleRequest, GetSampleRequest__Output as _truyvet_samples_v1_GetSampleRequest__Output } from './truyvet/samples/v1/GetSampleRequest';
import type { GetShipmentRequest as _truyvet_samples_v1_GetShipmentRequest, GetShipmentRequest__Output as _truyvet_samples_v1_GetShipmentRequest__Output } from './truyvet/samples/v1/GetShipmentRequest';
import type { ListShipmentsRequest as _truyvet_samples_v1_ListShipmentsRequest, ListShipmentsRequest__Output as _truyvet_samples_v1_ListShipmentsRequest__Output } from './truyvet/samples/v1/ListShipmentsRequest';
import type { ListShipmentsResponse as _truyvet_samples_v1_ListShipmentsResponse, ListShipmentsResponse__Output as _truyvet_samples_v1_ListShipmentsResponse__Output } from './truyvet/samples/v1/ListShipmentsResponse';
import type { ListWorklistRequest as _truyvet_samples_v1_ListWorklistRequest, ListWorklistRequest__Output as _truyvet_samples_v1_ListWorklistRequest__Output } from './truyvet/samples/v1/ListWorklistRequest';
import type { ListWorklistResponse as _truyvet_samples_v1_ListWorklistResponse, ListWorklistResponse__Output as _truyvet_samples_v1_ListWorklistResponse__Output } from './truyvet/samples/v1/ListWorklistResponse';
import type { ManifestItem as _truyvet_samples_v1_ManifestItem, ManifestItem__Output as _truyvet_samples_v1_ManifestItem__Output } from './truyvet/samples/v1/ManifestItem';
import type { Sample as _truyvet_samples_v1_Sample, Sample__Output as _truyvet_samples_v1_Sample__Output } from './truyvet/samples/v1/Sample';
import type { SampleCollectionClient as _truyvet_samples_v1_SampleCollectionClient, SampleCollectionDefinition as _truyvet_samples_v1_SampleCollectionDefinition } from './truyvet/samples/v1/SampleCollection';
import type { Shipment as _truyvet_samples_v1_Shipment, Shipment__Output as _truyvet_samples_v1_Shipment__Output } from './truyvet/samples/v1/Shipment';
import type { ShipmentsClient as _truyvet_samples_v1_ShipmentsClient, ShipmentsDefinition as _truyvet_samples_v1_ShipmentsDefinition } from './truyvet/samples/v1/Shipments';
import type { Site as _truyvet_samples_v1_Site, Site__Output as _truyvet_samples_v1_Site__Output } from './truyvet/samples/v1/Site';
import type { WorklistItem as _truyvet_samples_v1_WorklistItem, WorklistItem__Output as _truyvet_samples_v1_WorklistItem__Output } from './truyvet/samples/v1/WorklistItem';
import type { WorklistsClient as _truyvet_samples_v1_WorklistsClient, WorklistsDefinition as _truyvet_samples_v1_WorklistsDefinition } from './truyvet/samples/v1/Worklists';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    rpc: {
      BadRequest: MessageTypeDefinition<_google_rpc_BadRequest, _google_rpc_BadRequest__Output>
    }
  }
  truyvet: {
    samples: {
      v1: {
        CollectItemResult: MessageTypeDefinition<_truyvet_samples_v1_CollectItemResult, _truyvet_samples_v1_CollectItemResult__Output>
        CollectSampleRequest: MessageTypeDefinition<_truyvet_samples_v1_CollectSampleRequest, _truyvet_samples_v1_CollectSampleRequest__Output>
        CollectSamplesResponse: MessageTypeDefinition<_truyvet_samples_v1_CollectSamplesResponse, _truyvet_samples_v1_CollectSamplesResponse__Output>
        DispatchShipmentRequest: MessageTypeDefinition<_truyvet_samples_v1_DispatchShipmentRequest, _truyvet_samples_v1_DispatchShipmentRequest__Output>
        GetSampleRequest: MessageTypeDefinition<_truyvet_samples_v1_GetSampleRequest, _truyvet_samples_v1_GetSampleRequest__Output>
        GetShipmentRequest: MessageTypeDefinition<_truyvet_samples_v1_GetShipmentRequest, _truyvet_samples_v1_GetShipmentRequest__Output>
        ListShipmentsRequest: MessageTypeDefinition<_truyvet_samples_v1_ListShipmentsRequest, _truyvet_samples_v1_ListShipmentsRequest__Output>
        ListShipmentsResponse: MessageTypeDefinition<_truyvet_samples_v1_ListShipmentsResponse, _truyvet_samples_v1_ListShipmentsResponse__Output>
        ListWorklistRequest: MessageTypeDefinition<_truyvet_samples_v1_ListWorklistRequest, _truyvet_samples_v1_ListWorklistRequest__Output>
        ListWorklistResponse: MessageTypeDefinition<_truyvet_samples_v1_ListWorklistResponse, _truyvet_samples_v1_ListWorklistResponse__Output>
        ManifestItem: MessageTypeDefinition<_truyvet_samples_v1_ManifestItem, _truyvet_samples_v1_ManifestItem__Output>
        Sample: MessageTypeDefinition<_truyvet_samples_v1_Sample, _truyvet_samples_v1_Sample__Output>
        SampleCollection: SubtypeConstructor<typeof grpc.Client, _truyvet_samples_v1_SampleCollectionClient> & { service: _truyvet_samples_v1_SampleCollectionDefinition }
        Shipment: MessageTypeDefinition<_truyvet_samples_v1_Shipment, _truyvet_samples_v1_Shipment__Output>
        Shipments: SubtypeConstructor<typeof grpc.Client, _truyvet_samples_v1_ShipmentsClient> & { service: _truyvet_samples_v1_ShipmentsDefinition }
        Site: MessageTypeDefinition<_truyvet_samples_v1_Site, _truyvet_samples_v1_Site__Output>
        WorklistItem: MessageTypeDefinition<_truyvet_samples_v1_WorklistItem, _truyvet_samples_v1_WorklistItem__Output>
        Worklists: SubtypeConstructor<typeof grpc.Client, _truyvet_samples_v1_WorklistsClient> & { service: _truyvet_samples_v1_WorklistsDefinition }
      }
    }
  }
}

