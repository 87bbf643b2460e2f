// Original file: protos/truyvet/audit/v1/audit.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ListPersonReadsRequest as _truyvet_audit_v1_ListPersonReadsRequest, ListPersonReadsRequest__Output as _truyvet_audit_v1_ListPersonReadsRequest__Output } from '../../../truyvet/audit/v1/ListPersonReadsRequest';
import type { ListPersonReadsResponse as _truyvet_audit_v1_ListPersonReadsResponse, ListPersonReadsResponse__Output as _truyvet_audit_v1_ListPersonReadsResponse__Output } from '../../../truyvet/audit/v1/ListPersonReadsResponse';

export interface PersonReadsClient extends grpc.Client {
  ListPersonReads(argument: _truyvet_audit_v1_ListPersonReadsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_audit_v1_ListPersonReadsResponse__Output>): grpc.ClientUnaryCall;
  ListPersonReads(argument: _truyvet_audit_v1_ListPersonReadsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_audit_v1_ListPersonReadsResponse__Output>): grpc.ClientUnaryCall;
  ListPersonReads(argument: _truyvet_audit_v1_ListPersonReadsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_audit_v1_ListPersonReadsResponse__Output>): grpc.ClientUnaryCall;
  ListPersonReads(argument: _truyvet_audit_v1_ListPersonReadsRequest, callback: grpc.requestCallback<_truyvet_audit_v1_ListPersonReadsResponse__Output>): grpc.ClientUnaryCall;
  listPersonReads(argument: _truyvet_audit_v1_ListPersonReadsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_audit_v1_ListPersonReadsResponse__Output>): grpc.ClientUnaryCall;
  listPersonReads(argument: _truyvet_audit_v1_ListPersonReadsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_audit_v1_ListPersonReadsResponse__Output>): grpc.ClientUnaryCall;
  listPersonReads(argument: _truyvet_audit_v1_ListPersonReadsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_audit_v1_ListPersonReadsResponse__Output>): grpc.ClientUnaryCall;
  listPersonReads(argument: _truyvet_audit_v1_ListPersonReadsRequest, callback: grpc.requestCallback<_truyvet_audit_v1_ListPersonReadsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface PersonReadsHandlers extends grpc.UntypedServiceImplementation {
  ListPersonReads: grpc.handleUnaryCall<_truyvet_audit_v1_ListPersonReadsRequest__Output, _truyvet_audit_v1_ListPersonReadsResponse>;
  
}

export interface PersonReadsDefinition extends grpc.ServiceDefinition {
  ListPersonReads: MethodDefinition<_truyvet_audit_v1_ListPersonReadsRequest, _truyvet_audit_v1_ListPersonReadsResponse, _truyvet_audit_v1_ListPersonReadsRequest__Output, _truyvet_audit_v1_ListPersonReadsResponse__Output>
}
