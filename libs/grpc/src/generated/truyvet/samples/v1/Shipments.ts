// Original file: protos/truyvet/samples/v1/samples.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DispatchShipmentRequest as _truyvet_samples_v1_DispatchShipmentRequest, DispatchShipmentRequest__Output as _truyvet_samples_v1_DispatchShipmentRequest__Output } from '../../../truyvet/samples/v1/DispatchShipmentRequest';
import type { GetShipmentRequest as _truyvet_samples_v1_GetShipmentRequest, GetShipmentRequest__Output as _truyvet_samples_v1_GetShipmentRequest__Output } from '../../../truyvet/samples/v1/GetShipmentRequest';
import type { ListShipmentsRequest as _truyvet_samples_v1_ListShipmentsRequest, ListShipmentsRequest__Output as _truyvet_samples_v1_ListShipmentsRequest__Output } from '../../../truyvet/samples/v1/ListShipmentsRequest';
import type { ListShipmentsResponse as _truyvet_samples_v1_ListShipmentsResponse, ListShipmentsResponse__Output as _truyvet_samples_v1_ListShipmentsResponse__Output } from '../../../truyvet/samples/v1/ListShipmentsResponse';
import type { Shipment as _truyvet_samples_v1_Shipment, Shipment__Output as _truyvet_samples_v1_Shipment__Output } from '../../../truyvet/samples/v1/Shipment';

export interface ShipmentsClient extends grpc.Client {
  DispatchShipment(argument: _truyvet_samples_v1_DispatchShipmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  DispatchShipment(argument: _truyvet_samples_v1_DispatchShipmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  DispatchShipment(argument: _truyvet_samples_v1_DispatchShipmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  DispatchShipment(argument: _truyvet_samples_v1_DispatchShipmentRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  dispatchShipment(argument: _truyvet_samples_v1_DispatchShipmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  dispatchShipment(argument: _truyvet_samples_v1_DispatchShipmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  dispatchShipment(argument: _truyvet_samples_v1_DispatchShipmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  dispatchShipment(argument: _truyvet_samples_v1_DispatchShipmentRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  
  GetShipment(argument: _truyvet_samples_v1_GetShipmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  GetShipment(argument: _truyvet_samples_v1_GetShipmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  GetShipment(argument: _truyvet_samples_v1_GetShipmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  GetShipment(argument: _truyvet_samples_v1_GetShipmentRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  getShipment(argument: _truyvet_samples_v1_GetShipmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  getShipment(argument: _truyvet_samples_v1_GetShipmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  getShipment(argument: _truyvet_samples_v1_GetShipmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  getShipment(argument: _truyvet_samples_v1_GetShipmentRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Shipment__Output>): grpc.ClientUnaryCall;
  
  ListShipments(argument: _truyvet_samples_v1_ListShipmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_ListShipmentsResponse__Output>): grpc.ClientUnaryCall;
  ListShipments(argument: _truyvet_samples_v1_ListShipmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_ListShipmentsResponse__Output>): grpc.ClientUnaryCall;
  ListShipments(argument: _truyvet_samples_v1_ListShipmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_ListShipmentsResponse__Output>): grpc.ClientUnaryCall;
  ListShipments(argument: _truyvet_samples_v1_ListShipmentsRequest, callback: grpc.requestCallback<_truyvet_samples_v1_ListShipmentsResponse__Output>): grpc.ClientUnaryCall;
  listShipments(argument: _truyvet_samples_v1_ListShipmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_ListShipmentsResponse__Output>): grpc.ClientUnaryCall;
  listShipments(argument: _truyvet_samples_v1_ListShipmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_ListShipmentsResponse__Output>): grpc.ClientUnaryCall;
  listShipments(argument: _truyvet_samples_v1_ListShipmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_ListShipmentsResponse__Output>): grpc.ClientUnaryCall;
  listShipments(argument: _truyvet_samples_v1_ListShipmentsRequest, callback: grpc.requestCallback<_truyvet_samples_v1_ListShipmentsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface ShipmentsHandlers extends grpc.UntypedServiceImplementation {
  DispatchShipment: grpc.handleUnaryCall<_truyvet_samples_v1_DispatchShipmentRequest__Output, _truyvet_samples_v1_Shipment>;
  
  GetShipment: grpc.handleUnaryCall<_truyvet_samples_v1_GetShipmentRequest__Output, _truyvet_samples_v1_Shipment>;
  
  ListShipments: grpc.handleUnaryCall<_truyvet_samples_v1_ListShipmentsRequest__Output, _truyvet_samples_v1_ListShipmentsResponse>;
  
}

export interface ShipmentsDefinition extends grpc.ServiceDefinition {
  DispatchShipment: MethodDefinition<_truyvet_samples_v1_DispatchShipmentRequest, _truyvet_samples_v1_Shipment, _truyvet_samples_v1_DispatchShipmentRequest__Output, _truyvet_samples_v1_Shipment__Output>
  GetShipment: MethodDefinition<_truyvet_samples_v1_GetShipmentRequest, _truyvet_samples_v1_Shipment, _truyvet_samples_v1_GetShipmentRequest__Output, _truyvet_samples_v1_Shipment__Output>
  ListShipments: MethodDefinition<_truyvet_samples_v1_ListShipmentsRequest, _truyvet_samples_v1_ListShipmentsResponse, _truyvet_samples_v1_ListShipmentsRequest__Output, _truyvet_samples_v1_ListShipmentsResponse__Output>
}
