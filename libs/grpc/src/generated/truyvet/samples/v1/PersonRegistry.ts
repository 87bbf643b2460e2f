// Original file: protos/truyvet/samples/v1/persons.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CorrectPersonRequest as _truyvet_samples_v1_CorrectPersonRequest, CorrectPersonRequest__Output as _truyvet_samples_v1_CorrectPersonRequest__Output } from '../../../truyvet/samples/v1/CorrectPersonRequest';
import type { FindPersonsRequest as _truyvet_samples_v1_FindPersonsRequest, FindPersonsRequest__Output as _truyvet_samples_v1_FindPersonsRequest__Output } from '../../../truyvet/samples/v1/FindPersonsRequest';
import type { FindPersonsResponse as _truyvet_samples_v1_FindPersonsResponse, FindPersonsResponse__Output as _truyvet_samples_v1_FindPersonsResponse__Output } from '../../../truyvet/samples/v1/FindPersonsResponse';
import type { GetPersonRequest as _truyvet_samples_v1_GetPersonRequest, GetPersonRequest__Output as _truyvet_samples_v1_GetPersonRequest__Output } from '../../../truyvet/samples/v1/GetPersonRequest';
import type { ImportPersonsResponse as _truyvet_samples_v1_ImportPersonsResponse, ImportPersonsResponse__Output as _truyvet_samples_v1_ImportPersonsResponse__Output } from '../../../truyvet/samples/v1/ImportPersonsResponse';
import type { MergePersonsRequest as _truyvet_samples_v1_MergePersonsRequest, MergePersonsRequest__Output as _truyvet_samples_v1_MergePersonsRequest__Output } from '../../../truyvet/samples/v1/MergePersonsRequest';
import type { Person as _truyvet_samples_v1_Person, Person__Output as _truyvet_samples_v1_Person__Output } from '../../../truyvet/samples/v1/Person';
import type { RegisterPersonRequest as _truyvet_samples_v1_RegisterPersonRequest, RegisterPersonRequest__Output as _truyvet_samples_v1_RegisterPersonRequest__Output } from '../../../truyvet/samples/v1/RegisterPersonRequest';
import type { RegisterPersonResponse as _truyvet_samples_v1_RegisterPersonResponse, RegisterPersonResponse__Output as _truyvet_samples_v1_RegisterPersonResponse__Output } from '../../../truyvet/samples/v1/RegisterPersonResponse';

export interface PersonRegistryClient extends grpc.Client {
  CorrectPerson(argument: _truyvet_samples_v1_CorrectPersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  CorrectPerson(argument: _truyvet_samples_v1_CorrectPersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  CorrectPerson(argument: _truyvet_samples_v1_CorrectPersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  CorrectPerson(argument: _truyvet_samples_v1_CorrectPersonRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  correctPerson(argument: _truyvet_samples_v1_CorrectPersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  correctPerson(argument: _truyvet_samples_v1_CorrectPersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  correctPerson(argument: _truyvet_samples_v1_CorrectPersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  correctPerson(argument: _truyvet_samples_v1_CorrectPersonRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  
  FindPersons(argument: _truyvet_samples_v1_FindPersonsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_FindPersonsResponse__Output>): grpc.ClientUnaryCall;
  FindPersons(argument: _truyvet_samples_v1_FindPersonsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_FindPersonsResponse__Output>): grpc.ClientUnaryCall;
  FindPersons(argument: _truyvet_samples_v1_FindPersonsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_FindPersonsResponse__Output>): grpc.ClientUnaryCall;
  FindPersons(argument: _truyvet_samples_v1_FindPersonsRequest, callback: grpc.requestCallback<_truyvet_samples_v1_FindPersonsResponse__Output>): grpc.ClientUnaryCall;
  findPersons(argument: _truyvet_samples_v1_FindPersonsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_FindPersonsResponse__Output>): grpc.ClientUnaryCall;
  findPersons(argument: _truyvet_samples_v1_FindPersonsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_FindPersonsResponse__Output>): grpc.ClientUnaryCall;
  findPersons(argument: _truyvet_samples_v1_FindPersonsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_FindPersonsResponse__Output>): grpc.ClientUnaryCall;
  findPersons(argument: _truyvet_samples_v1_FindPersonsRequest, callback: grpc.requestCallback<_truyvet_samples_v1_FindPersonsResponse__Output>): grpc.ClientUnaryCall;
  
  GetPerson(argument: _truyvet_samples_v1_GetPersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  GetPerson(argument: _truyvet_samples_v1_GetPersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  GetPerson(argument: _truyvet_samples_v1_GetPersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  GetPerson(argument: _truyvet_samples_v1_GetPersonRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  getPerson(argument: _truyvet_samples_v1_GetPersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  getPerson(argument: _truyvet_samples_v1_GetPersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  getPerson(argument: _truyvet_samples_v1_GetPersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  getPerson(argument: _truyvet_samples_v1_GetPersonRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  
  ImportPersons(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_RegisterPersonRequest>;
  ImportPersons(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_RegisterPersonRequest>;
  ImportPersons(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_RegisterPersonRequest>;
  ImportPersons(callback: grpc.requestCallback<_truyvet_samples_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_RegisterPersonRequest>;
  importPersons(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_RegisterPersonRequest>;
  importPersons(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_RegisterPersonRequest>;
  importPersons(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_RegisterPersonRequest>;
  importPersons(callback: grpc.requestCallback<_truyvet_samples_v1_ImportPersonsResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_RegisterPersonRequest>;
  
  MergePersons(argument: _truyvet_samples_v1_MergePersonsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  MergePersons(argument: _truyvet_samples_v1_MergePersonsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  MergePersons(argument: _truyvet_samples_v1_MergePersonsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  MergePersons(argument: _truyvet_samples_v1_MergePersonsRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  mergePersons(argument: _truyvet_samples_v1_MergePersonsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  mergePersons(argument: _truyvet_samples_v1_MergePersonsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  mergePersons(argument: _truyvet_samples_v1_MergePersonsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  mergePersons(argument: _truyvet_samples_v1_MergePersonsRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Person__Output>): grpc.ClientUnaryCall;
  
  RegisterPerson(argument: _truyvet_samples_v1_RegisterPersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  RegisterPerson(argument: _truyvet_samples_v1_RegisterPersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  RegisterPerson(argument: _truyvet_samples_v1_RegisterPersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  RegisterPerson(argument: _truyvet_samples_v1_RegisterPersonRequest, callback: grpc.requestCallback<_truyvet_samples_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  registerPerson(argument: _truyvet_samples_v1_RegisterPersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  registerPerson(argument: _truyvet_samples_v1_RegisterPersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  registerPerson(argument: _truyvet_samples_v1_RegisterPersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  registerPerson(argument: _truyvet_samples_v1_RegisterPersonRequest, callback: grpc.requestCallback<_truyvet_samples_v1_RegisterPersonResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface PersonRegistryHandlers extends grpc.UntypedServiceImplementation {
  CorrectPerson: grpc.handleUnaryCall<_truyvet_samples_v1_CorrectPersonRequest__Output, _truyvet_samples_v1_Person>;
  
  FindPersons: grpc.handleUnaryCall<_truyvet_samples_v1_FindPersonsRequest__Output, _truyvet_samples_v1_FindPersonsResponse>;
  
  GetPerson: grpc.handleUnaryCall<_truyvet_samples_v1_GetPersonRequest__Output, _truyvet_samples_v1_Person>;
  
  ImportPersons: grpc.handleClientStreamingCall<_truyvet_samples_v1_RegisterPersonRequest__Output, _truyvet_samples_v1_ImportPersonsResponse>;
  
  MergePersons: grpc.handleUnaryCall<_truyvet_samples_v1_MergePersonsRequest__Output, _truyvet_samples_v1_Person>;
  
  RegisterPerson: grpc.handleUnaryCall<_truyvet_samples_v1_RegisterPersonRequest__Output, _truyvet_samples_v1_RegisterPersonResponse>;
  
}

export interface PersonRegistryDefinition extends grpc.ServiceDefinition {
  CorrectPerson: MethodDefinition<_truyvet_samples_v1_CorrectPersonRequest, _truyvet_samples_v1_Person, _truyvet_samples_v1_CorrectPersonRequest__Output, _truyvet_samples_v1_Person__Output>
  FindPersons: MethodDefinition<_truyvet_samples_v1_FindPersonsRequest, _truyvet_samples_v1_FindPersonsResponse, _truyvet_samples_v1_FindPersonsRequest__Output, _truyvet_samples_v1_FindPersonsResponse__Output>
  GetPerson: MethodDefinition<_truyvet_samples_v1_GetPersonRequest, _truyvet_samples_v1_Person, _truyvet_samples_v1_GetPersonRequest__Output, _truyvet_samples_v1_Person__Output>
  ImportPersons: MethodDefinition<_truyvet_samples_v1_RegisterPersonRequest, _truyvet_samples_v1_ImportPersonsResponse, _truyvet_samples_v1_RegisterPersonRequest__Output, _truyvet_samples_v1_ImportPersonsResponse__Output>
  MergePersons: MethodDefinition<_truyvet_samples_v1_MergePersonsRequest, _truyvet_samples_v1_Person, _truyvet_samples_v1_MergePersonsRequest__Output, _truyvet_samples_v1_Person__Output>
  RegisterPerson: MethodDefinition<_truyvet_samples_v1_RegisterPersonRequest, _truyvet_samples_v1_RegisterPersonResponse, _truyvet_samples_v1_RegisterPersonRequest__Output, _truyvet_samples_v1_RegisterPersonResponse__Output>
}
