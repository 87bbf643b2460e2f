// Original file: protos/truyvet/testing/v1/registry.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ImportPersonsResponse as _truyvet_testing_v1_ImportPersonsResponse, ImportPersonsResponse__Output as _truyvet_testing_v1_ImportPersonsResponse__Output } from '../../../truyvet/testing/v1/ImportPersonsResponse';
import type { ListPersonsRequest as _truyvet_testing_v1_ListPersonsRequest, ListPersonsRequest__Output as _truyvet_testing_v1_ListPersonsRequest__Output } from '../../../truyvet/testing/v1/ListPersonsRequest';
import type { Person as _truyvet_testing_v1_Person, Person__Output as _truyvet_testing_v1_Person__Output } from '../../../truyvet/testing/v1/Person';
import type { RegisterPersonRequest as _truyvet_testing_v1_RegisterPersonRequest, RegisterPersonRequest__Output as _truyvet_testing_v1_RegisterPersonRequest__Output } from '../../../truyvet/testing/v1/RegisterPersonRequest';
import type { RegisterPersonResponse as _truyvet_testing_v1_RegisterPersonResponse, RegisterPersonResponse__Output as _truyvet_testing_v1_RegisterPersonResponse__Output } from '../../../truyvet/testing/v1/RegisterPersonResponse';

export interface PersonRegistryClient extends grpc.Client {
  ImportPersons(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_testing_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_testing_v1_RegisterPersonRequest>;
  ImportPersons(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_testing_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_testing_v1_RegisterPersonRequest>;
  ImportPersons(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_testing_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_testing_v1_RegisterPersonRequest>;
  ImportPersons(callback: grpc.requestCallback<_truyvet_testing_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_testing_v1_RegisterPersonRequest>;
  importPersons(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_testing_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_testing_v1_RegisterPersonRequest>;
  importPersons(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_testing_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_testing_v1_RegisterPersonRequest>;
  importPersons(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_testing_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_testing_v1_RegisterPersonRequest>;
  importPersons(callback: grpc.requestCallback<_truyvet_testing_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_testing_v1_RegisterPersonRequest>;
  
  ListPersons(argument: _truyvet_testing_v1_ListPersonsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_truyvet_testing_v1_Person__Output>;
  ListPersons(argument: _truyvet_testing_v1_ListPersonsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_truyvet_testing_v1_Person__Output>;
  listPersons(argument: _truyvet_testing_v1_ListPersonsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_truyvet_testing_v1_Person__Output>;
  listPersons(argument: _truyvet_testing_v1_ListPersonsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_truyvet_testing_v1_Person__Output>;
  
  RegisterPerson(argument: _truyvet_testing_v1_RegisterPersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_testing_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  RegisterPerson(argument: _truyvet_testing_v1_RegisterPersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_testing_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  RegisterPerson(argument: _truyvet_testing_v1_RegisterPersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_testing_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  RegisterPerson(argument: _truyvet_testing_v1_RegisterPersonRequest, callback: grpc.requestCallback<_truyvet_testing_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  registerPerson(argument: _truyvet_testing_v1_RegisterPersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_testing_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  registerPerson(argument: _truyvet_testing_v1_RegisterPersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_testing_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  registerPerson(argument: _truyvet_testing_v1_RegisterPersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_testing_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  registerPerson(argument: _truyvet_testing_v1_RegisterPersonRequest, callback: grpc.requestCallback<_truyvet_testing_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface PersonRegistryHandlers extends grpc.UntypedServiceImplementation {
  ImportPersons: grpc.handleClientStreamingCall<_truyvet_testing_v1_RegisterPersonRequest__Output, _truyvet_testing_v1_ImportPersonsResponse>;
  
  ListPersons: grpc.handleServerStreamingCall<_truyvet_testing_v1_ListPersonsRequest__Output, _truyvet_testing_v1_Person>;
  
  RegisterPerson: grpc.handleUnaryCall<_truyvet_testing_v1_RegisterPersonRequest__Output, _truyvet_testing_v1_RegisterPersonResponse>;
  
}

export interface PersonRegistryDefinition extends grpc.ServiceDefinition {
  ImportPersons: MethodDefinition<_truyvet_testing_v1_RegisterPersonRequest, _truyvet_testing_v1_ImportPersonsResponse, _truyvet_testing_v1_RegisterPersonRequest__Output, _truyvet_testing_v1_ImportPersonsResponse__Output>
  ListPersons: MethodDefinition<_truyvet_testing_v1_ListPersonsRequest, _truyvet_testing_v1_Person, _truyvet_testing_v1_ListPersonsRequest__Output, _truyvet_testing_v1_Person__Output>
  RegisterPerson: MethodDefinition<_truyvet_testing_v1_RegisterPersonRequest, _truyvet_testing_v1_RegisterPersonResponse, _truyvet_testing_v1_RegisterPersonRequest__Output, _truyvet_testing_v1_RegisterPersonResponse__Output>
}
