// Original file: protos/truyvet/cases/v1/cases.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Facility as _truyvet_cases_v1_Facility, Facility__Output as _truyvet_cases_v1_Facility__Output } from '../../../truyvet/cases/v1/Facility';
import type { ListFacilitiesRequest as _truyvet_cases_v1_ListFacilitiesRequest, ListFacilitiesRequest__Output as _truyvet_cases_v1_ListFacilitiesRequest__Output } from '../../../truyvet/cases/v1/ListFacilitiesRequest';
import type { ListFacilitiesResponse as _truyvet_cases_v1_ListFacilitiesResponse, ListFacilitiesResponse__Output as _truyvet_cases_v1_ListFacilitiesResponse__Output } from '../../../truyvet/cases/v1/ListFacilitiesResponse';
import type { ListInIsolationRequest as _truyvet_cases_v1_ListInIsolationRequest, ListInIsolationRequest__Output as _truyvet_cases_v1_ListInIsolationRequest__Output } from '../../../truyvet/cases/v1/ListInIsolationRequest';
import type { ListInIsolationResponse as _truyvet_cases_v1_ListInIsolationResponse, ListInIsolationResponse__Output as _truyvet_cases_v1_ListInIsolationResponse__Output } from '../../../truyvet/cases/v1/ListInIsolationResponse';
import type { ListWaitingRequest as _truyvet_cases_v1_ListWaitingRequest, ListWaitingRequest__Output as _truyvet_cases_v1_ListWaitingRequest__Output } from '../../../truyvet/cases/v1/ListWaitingRequest';
import type { ListWaitingResponse as _truyvet_cases_v1_ListWaitingResponse, ListWaitingResponse__Output as _truyvet_cases_v1_ListWaitingResponse__Output } from '../../../truyvet/cases/v1/ListWaitingResponse';
import type { RegisterFacilityRequest as _truyvet_cases_v1_RegisterFacilityRequest, RegisterFacilityRequest__Output as _truyvet_cases_v1_RegisterFacilityRequest__Output } from '../../../truyvet/cases/v1/RegisterFacilityRequest';
import type { ReleaseDueRequest as _truyvet_cases_v1_ReleaseDueRequest, ReleaseDueRequest__Output as _truyvet_cases_v1_ReleaseDueRequest__Output } from '../../../truyvet/cases/v1/ReleaseDueRequest';
import type { ReleaseDueResponse as _truyvet_cases_v1_ReleaseDueResponse, ReleaseDueResponse__Output as _truyvet_cases_v1_ReleaseDueResponse__Output } from '../../../truyvet/cases/v1/ReleaseDueResponse';
import type { SetFacilityCapacityRequest as _truyvet_cases_v1_SetFacilityCapacityRequest, SetFacilityCapacityRequest__Output as _truyvet_cases_v1_SetFacilityCapacityRequest__Output } from '../../../truyvet/cases/v1/SetFacilityCapacityRequest';

export interface IsolationClient extends grpc.Client {
  ListFacilities(argument: _truyvet_cases_v1_ListFacilitiesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListFacilitiesResponse__Output>): grpc.ClientUnaryCall;
  ListFacilities(argument: _truyvet_cases_v1_ListFacilitiesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ListFacilitiesResponse__Output>): grpc.ClientUnaryCall;
  ListFacilities(argument: _truyvet_cases_v1_ListFacilitiesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListFacilitiesResponse__Output>): grpc.ClientUnaryCall;
  ListFacilities(argument: _truyvet_cases_v1_ListFacilitiesRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ListFacilitiesResponse__Output>): grpc.ClientUnaryCall;
  listFacilities(argument: _truyvet_cases_v1_ListFacilitiesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListFacilitiesResponse__Output>): grpc.ClientUnaryCall;
  listFacilities(argument: _truyvet_cases_v1_ListFacilitiesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ListFacilitiesResponse__Output>): grpc.ClientUnaryCall;
  listFacilities(argument: _truyvet_cases_v1_ListFacilitiesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListFacilitiesResponse__Output>): grpc.ClientUnaryCall;
  listFacilities(argument: _truyvet_cases_v1_ListFacilitiesRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ListFacilitiesResponse__Output>): grpc.ClientUnaryCall;
  
  ListInIsolation(argument: _truyvet_cases_v1_ListInIsolationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListInIsolationResponse__Output>): grpc.ClientUnaryCall;
  ListInIsolation(argument: _truyvet_cases_v1_ListInIsolationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ListInIsolationResponse__Output>): grpc.ClientUnaryCall;
  ListInIsolation(argument: _truyvet_cases_v1_ListInIsolationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListInIsolationResponse__Output>): grpc.ClientUnaryCall;
  ListInIsolation(argument: _truyvet_cases_v1_ListInIsolationRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ListInIsolationResponse__Output>): grpc.ClientUnaryCall;
  listInIsolation(argument: _truyvet_cases_v1_ListInIsolationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListInIsolationResponse__Output>): grpc.ClientUnaryCall;
  listInIsolation(argument: _truyvet_cases_v1_ListInIsolationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ListInIsolationResponse__Output>): grpc.ClientUnaryCall;
  listInIsolation(argument: _truyvet_cases_v1_ListInIsolationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListInIsolationResponse__Output>): grpc.ClientUnaryCall;
  listInIsolation(argument: _truyvet_cases_v1_ListInIsolationRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ListInIsolationResponse__Output>): grpc.ClientUnaryCall;
  
  ListWaiting(argument: _truyvet_cases_v1_ListWaitingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListWaitingResponse__Output>): grpc.ClientUnaryCall;
  ListWaiting(argument: _truyvet_cases_v1_ListWaitingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ListWaitingResponse__Output>): grpc.ClientUnaryCall;
  ListWaiting(argument: _truyvet_cases_v1_ListWaitingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListWaitingResponse__Output>): grpc.ClientUnaryCall;
  ListWaiting(argument: _truyvet_cases_v1_ListWaitingRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ListWaitingResponse__Output>): grpc.ClientUnaryCall;
  listWaiting(argument: _truyvet_cases_v1_ListWaitingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListWaitingResponse__Output>): grpc.ClientUnaryCall;
  listWaiting(argument: _truyvet_cases_v1_ListWaitingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ListWaitingResponse__Output>): grpc.ClientUnaryCall;
  listWaiting(argument: _truyvet_cases_v1_ListWaitingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListWaitingResponse__Output>): grpc.ClientUnaryCall;
  listWaiting(argument: _truyvet_cases_v1_ListWaitingRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ListWaitingResponse__Output>): grpc.ClientUnaryCall;
  
  RegisterFacility(argument: _truyvet_cases_v1_RegisterFacilityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  RegisterFacility(argument: _truyvet_cases_v1_RegisterFacilityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  RegisterFacility(argument: _truyvet_cases_v1_RegisterFacilityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  RegisterFacility(argument: _truyvet_cases_v1_RegisterFacilityRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  registerFacility(argument: _truyvet_cases_v1_RegisterFacilityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  registerFacility(argument: _truyvet_cases_v1_RegisterFacilityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  registerFacility(argument: _truyvet_cases_v1_RegisterFacilityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  registerFacility(argument: _truyvet_cases_v1_RegisterFacilityRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  
  ReleaseDue(argument: _truyvet_cases_v1_ReleaseDueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ReleaseDueResponse__Output>): grpc.ClientUnaryCall;
  ReleaseDue(argument: _truyvet_cases_v1_ReleaseDueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ReleaseDueResponse__Output>): grpc.ClientUnaryCall;
  ReleaseDue(argument: _truyvet_cases_v1_ReleaseDueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ReleaseDueResponse__Output>): grpc.ClientUnaryCall;
  ReleaseDue(argument: _truyvet_cases_v1_ReleaseDueRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ReleaseDueResponse__Output>): grpc.ClientUnaryCall;
  releaseDue(argument: _truyvet_cases_v1_ReleaseDueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ReleaseDueResponse__Output>): grpc.ClientUnaryCall;
  releaseDue(argument: _truyvet_cases_v1_ReleaseDueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ReleaseDueResponse__Output>): grpc.ClientUnaryCall;
  releaseDue(argument: _truyvet_cases_v1_ReleaseDueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ReleaseDueResponse__Output>): grpc.ClientUnaryCall;
  releaseDue(argument: _truyvet_cases_v1_ReleaseDueRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ReleaseDueResponse__Output>): grpc.ClientUnaryCall;
  
  SetFacilityCapacity(argument: _truyvet_cases_v1_SetFacilityCapacityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  SetFacilityCapacity(argument: _truyvet_cases_v1_SetFacilityCapacityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  SetFacilityCapacity(argument: _truyvet_cases_v1_SetFacilityCapacityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  SetFacilityCapacity(argument: _truyvet_cases_v1_SetFacilityCapacityRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  setFacilityCapacity(argument: _truyvet_cases_v1_SetFacilityCapacityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  setFacilityCapacity(argument: _truyvet_cases_v1_SetFacilityCapacityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  setFacilityCapacity(argument: _truyvet_cases_v1_SetFacilityCapacityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  setFacilityCapacity(argument: _truyvet_cases_v1_SetFacilityCapacityRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Facility__Output>): grpc.ClientUnaryCall;
  
}

export interface IsolationHandlers extends grpc.UntypedServiceImplementation {
  ListFacilities: grpc.handleUnaryCall<_truyvet_cases_v1_ListFacilitiesRequest__Output, _truyvet_cases_v1_ListFacilitiesResponse>;
  
  ListInIsolation: grpc.handleUnaryCall<_truyvet_cases_v1_ListInIsolationRequest__Output, _truyvet_cases_v1_ListInIsolationResponse>;
  
  ListWaiting: grpc.handleUnaryCall<_truyvet_cases_v1_ListWaitingRequest__Output, _truyvet_cases_v1_ListWaitingResponse>;
  
  RegisterFacility: grpc.handleUnaryCall<_truyvet_cases_v1_RegisterFacilityRequest__Output, _truyvet_cases_v1_Facility>;
  
  ReleaseDue: grpc.handleUnaryCall<_truyvet_cases_v1_ReleaseDueRequest__Output, _truyvet_cases_v1_ReleaseDueResponse>;
  
  SetFacilityCapacity: grpc.handleUnaryCall<_truyvet_cases_v1_SetFacilityCapacityRequest__Output, _truyvet_cases_v1_Facility>;
  
}

export interface IsolationDefinition extends grpc.ServiceDefinition {
  ListFacilities: MethodDefinition<_truyvet_cases_v1_ListFacilitiesRequest, _truyvet_cases_v1_ListFacilitiesResponse, _truyvet_cases_v1_ListFacilitiesRequest__Output, _truyvet_cases_v1_ListFacilitiesResponse__Output>
  ListInIsolation: MethodDefinition<_truyvet_cases_v1_ListInIsolationRequest, _truyvet_cases_v1_ListInIsolationResponse, _truyvet_cases_v1_ListInIsolationRequest__Output, _truyvet_cases_v1_ListInIsolationResponse__Output>
  ListWaiting: MethodDefinition<_truyvet_cases_v1_ListWaitingRequest, _truyvet_cases_v1_ListWaitingResponse, _truyvet_cases_v1_ListWaitingRequest__Output, _truyvet_cases_v1_ListWaitingResponse__Output>
  RegisterFacility: MethodDefinition<_truyvet_cases_v1_RegisterFacilityRequest, _truyvet_cases_v1_Facility, _truyvet_cases_v1_RegisterFacilityRequest__Output, _truyvet_cases_v1_Facility__Output>
  ReleaseDue: MethodDefinition<_truyvet_cases_v1_ReleaseDueRequest, _truyvet_cases_v1_ReleaseDueResponse, _truyvet_cases_v1_ReleaseDueRequest__Output, _truyvet_cases_v1_ReleaseDueResponse__Output>
  SetFacilityCapacity: MethodDefinition<_truyvet_cases_v1_SetFacilityCapacityRequest, _truyvet_cases_v1_Facility, _truyvet_cases_v1_SetFacilityCapacityRequest__Output, _truyvet_cases_v1_Facility__Output>
}
