// Original file: protos/truyvet/samples/v1/samples.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ListWorklistRequest as _truyvet_samples_v1_ListWorklistRequest, ListWorklistRequest__Output as _truyvet_samples_v1_ListWorklistRequest__Output } from '../../../truyvet/samples/v1/ListWorklistRequest';
import type { ListWorklistResponse as _truyvet_samples_v1_ListWorklistResponse, ListWorklistResponse__Output as _truyvet_samples_v1_ListWorklistResponse__Output } from '../../../truyvet/samples/v1/ListWorklistResponse';

export interface WorklistsClient extends grpc.Client {
  ListWorklist(argument: _truyvet_samples_v1_ListWorklistRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_ListWorklistResponse__Output>): grpc.ClientUnaryCall;
  ListWorklist(argument: _truyvet_samples_v1_ListWorklistRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_ListWorklistResponse__Output>): grpc.ClientUnaryCall;
  ListWorklist(argument: _truyvet_samples_v1_ListWorklistRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_ListWorklistResponse__Output>): grpc.ClientUnaryCall;
  ListWorklist(argument: _truyvet_samples_v1_ListWorklistRequest, callback: grpc.requestCallback<_truyvet_samples_v1_ListWorklistResponse__Output>): grpc.ClientUnaryCall;
  listWorklist(argument: _truyvet_samples_v1_ListWorklistRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_ListWorklistResponse__Output>): grpc.ClientUnaryCall;
  listWorklist(argument: _truyvet_samples_v1_ListWorklistRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_ListWorklistResponse__Output>): grpc.ClientUnaryCall;
  listWorklist(argument: _truyvet_samples_v1_ListWorklistRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_ListWorklistResponse__Output>): grpc.ClientUnaryCall;
  listWorklist(argument: _truyvet_samples_v1_ListWorklistRequest, callback: grpc.requestCallback<_truyvet_samples_v1_ListWorklistResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface WorklistsHandlers extends grpc.UntypedServiceImplementation {
  ListWorklist: grpc.handleUnaryCall<_truyvet_samples_v1_ListWorklistRequest__Output, _truyvet_samples_v1_ListWorklistResponse>;
  
}

export interface WorklistsDefinition extends grpc.ServiceDefinition {
  ListWorklist: MethodDefinition<_truyvet_samples_v1_ListWorklistRequest, _truyvet_samples_v1_ListWorklistResponse, _truyvet_samples_v1_ListWorklistRequest__Output, _truyvet_samples_v1_ListWorklistResponse__Output>
}
