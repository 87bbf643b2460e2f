// Original file: protos/truyvet/lab/v1/lab.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Accession as _truyvet_lab_v1_Accession, Accession__Output as _truyvet_lab_v1_Accession__Output } from '../../../truyvet/lab/v1/Accession';
import type { AccessionShipmentRequest as _truyvet_lab_v1_AccessionShipmentRequest, AccessionShipmentRequest__Output as _truyvet_lab_v1_AccessionShipmentRequest__Output } from '../../../truyvet/lab/v1/AccessionShipmentRequest';
import type { GetAccessionRequest as _truyvet_lab_v1_GetAccessionRequest, GetAccessionRequest__Output as _truyvet_lab_v1_GetAccessionRequest__Output } from '../../../truyvet/lab/v1/GetAccessionRequest';

export interface AccessioningClient extends grpc.Client {
  AccessionShipment(argument: _truyvet_lab_v1_AccessionShipmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  AccessionShipment(argument: _truyvet_lab_v1_AccessionShipmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  AccessionShipment(argument: _truyvet_lab_v1_AccessionShipmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  AccessionShipment(argument: _truyvet_lab_v1_AccessionShipmentRequest, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  accessionShipment(argument: _truyvet_lab_v1_AccessionShipmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  accessionShipment(argument: _truyvet_lab_v1_AccessionShipmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  accessionShipment(argument: _truyvet_lab_v1_AccessionShipmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  accessionShipment(argument: _truyvet_lab_v1_AccessionShipmentRequest, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  
  GetAccession(argument: _truyvet_lab_v1_GetAccessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  GetAccession(argument: _truyvet_lab_v1_GetAccessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  GetAccession(argument: _truyvet_lab_v1_GetAccessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  GetAccession(argument: _truyvet_lab_v1_GetAccessionRequest, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  getAccession(argument: _truyvet_lab_v1_GetAccessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  getAccession(argument: _truyvet_lab_v1_GetAccessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  getAccession(argument: _truyvet_lab_v1_GetAccessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  getAccession(argument: _truyvet_lab_v1_GetAccessionRequest, callback: grpc.requestCallback<_truyvet_lab_v1_Accession__Output>): grpc.ClientUnaryCall;
  
}

export interface AccessioningHandlers extends grpc.UntypedServiceImplementation {
  AccessionShipment: grpc.handleUnaryCall<_truyvet_lab_v1_AccessionShipmentRequest__Output, _truyvet_lab_v1_Accession>;
  
  GetAccession: grpc.handleUnaryCall<_truyvet_lab_v1_GetAccessionRequest__Output, _truyvet_lab_v1_Accession>;
  
}

export interface AccessioningDefinition extends grpc.ServiceDefinition {
  AccessionShipment: MethodDefinition<_truyvet_lab_v1_AccessionShipmentRequest, _truyvet_lab_v1_Accession, _truyvet_lab_v1_AccessionShipmentRequest__Output, _truyvet_lab_v1_Accession__Output>
  GetAccession: MethodDefinition<_truyvet_lab_v1_GetAccessionRequest, _truyvet_lab_v1_Accession, _truyvet_lab_v1_GetAccessionRequest__Output, _truyvet_lab_v1_Accession__Output>
}
