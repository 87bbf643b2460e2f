// Original file: protos/truyvet/cases/v1/cases.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ContactRow as _truyvet_cases_v1_ContactRow, ContactRow__Output as _truyvet_cases_v1_ContactRow__Output } from '../../../truyvet/cases/v1/ContactRow';
import type { ImportContactsResponse as _truyvet_cases_v1_ImportContactsResponse, ImportContactsResponse__Output as _truyvet_cases_v1_ImportContactsResponse__Output } from '../../../truyvet/cases/v1/ImportContactsResponse';
import type { ImportLogResponse as _truyvet_cases_v1_ImportLogResponse, ImportLogResponse__Output as _truyvet_cases_v1_ImportLogResponse__Output } from '../../../truyvet/cases/v1/ImportLogResponse';
import type { PersonRecord as _truyvet_cases_v1_PersonRecord, PersonRecord__Output as _truyvet_cases_v1_PersonRecord__Output } from '../../../truyvet/cases/v1/PersonRecord';
import type { ProximityLog as _truyvet_cases_v1_ProximityLog, ProximityLog__Output as _truyvet_cases_v1_ProximityLog__Output } from '../../../truyvet/cases/v1/ProximityLog';
import type { RecordContactsRequest as _truyvet_cases_v1_RecordContactsRequest, RecordContactsRequest__Output as _truyvet_cases_v1_RecordContactsRequest__Output } from '../../../truyvet/cases/v1/RecordContactsRequest';
import type { RecordContactsResponse as _truyvet_cases_v1_RecordContactsResponse, RecordContactsResponse__Output as _truyvet_cases_v1_RecordContactsResponse__Output } from '../../../truyvet/cases/v1/RecordContactsResponse';
import type { RegisterArrivalRequest as _truyvet_cases_v1_RegisterArrivalRequest, RegisterArrivalRequest__Output as _truyvet_cases_v1_RegisterArrivalRequest__Output } from '../../../truyvet/cases/v1/RegisterArrivalRequest';
import type { VenueCheckIn as _truyvet_cases_v1_VenueCheckIn, VenueCheckIn__Output as _truyvet_cases_v1_VenueCheckIn__Output } from '../../../truyvet/cases/v1/VenueCheckIn';

export interface ContactsClient extends grpc.Client {
  ImportContacts(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ImportContactsResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ContactRow>;
  ImportContacts(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ImportContactsResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ContactRow>;
  ImportContacts(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ImportContactsResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ContactRow>;
  ImportContacts(callback: grpc.requestCallback<_truyvet_cases_v1_ImportContactsResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ContactRow>;
  importContacts(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ImportContactsResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ContactRow>;
  importContacts(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ImportContactsResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ContactRow>;
  importContacts(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ImportContactsResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ContactRow>;
  importContacts(callback: grpc.requestCallback<_truyvet_cases_v1_ImportContactsResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ContactRow>;
  
  ImportProximityLogs(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ProximityLog>;
  ImportProximityLogs(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ProximityLog>;
  ImportProximityLogs(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ProximityLog>;
  ImportProximityLogs(callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ProximityLog>;
  importProximityLogs(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ProximityLog>;
  importProximityLogs(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ProximityLog>;
  importProximityLogs(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ProximityLog>;
  importProximityLogs(callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_ProximityLog>;
  
  ImportVenueCheckIns(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_VenueCheckIn>;
  ImportVenueCheckIns(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_VenueCheckIn>;
  ImportVenueCheckIns(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_VenueCheckIn>;
  ImportVenueCheckIns(callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_VenueCheckIn>;
  importVenueCheckIns(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_VenueCheckIn>;
  importVenueCheckIns(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_VenueCheckIn>;
  importVenueCheckIns(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_VenueCheckIn>;
  importVenueCheckIns(callback: grpc.requestCallback<_truyvet_cases_v1_ImportLogResponse__Output>): grpc.ClientWritableStream<_truyvet_cases_v1_VenueCheckIn>;
  
  RecordContacts(argument: _truyvet_cases_v1_RecordContactsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_RecordContactsResponse__Output>): grpc.ClientUnaryCall;
  RecordContacts(argument: _truyvet_cases_v1_RecordContactsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_RecordContactsResponse__Output>): grpc.ClientUnaryCall;
  RecordContacts(argument: _truyvet_cases_v1_RecordContactsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_RecordContactsResponse__Output>): grpc.ClientUnaryCall;
  RecordContacts(argument: _truyvet_cases_v1_RecordContactsRequest, callback: grpc.requestCallback<_truyvet_cases_v1_RecordContactsResponse__Output>): grpc.ClientUnaryCall;
  recordContacts(argument: _truyvet_cases_v1_RecordContactsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_RecordContactsResponse__Output>): grpc.ClientUnaryCall;
  recordContacts(argument: _truyvet_cases_v1_RecordContactsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_RecordContactsResponse__Output>): grpc.ClientUnaryCall;
  recordContacts(argument: _truyvet_cases_v1_RecordContactsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_RecordContactsResponse__Output>): grpc.ClientUnaryCall;
  recordContacts(argument: _truyvet_cases_v1_RecordContactsRequest, callback: grpc.requestCallback<_truyvet_cases_v1_RecordContactsResponse__Output>): grpc.ClientUnaryCall;
  
  RegisterArrival(argument: _truyvet_cases_v1_RegisterArrivalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  RegisterArrival(argument: _truyvet_cases_v1_RegisterArrivalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  RegisterArrival(argument: _truyvet_cases_v1_RegisterArrivalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  RegisterArrival(argument: _truyvet_cases_v1_RegisterArrivalRequest, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  registerArrival(argument: _truyvet_cases_v1_RegisterArrivalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  registerArrival(argument: _truyvet_cases_v1_RegisterArrivalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  registerArrival(argument: _truyvet_cases_v1_RegisterArrivalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  registerArrival(argument: _truyvet_cases_v1_RegisterArrivalRequest, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  
}

export interface ContactsHandlers extends grpc.UntypedServiceImplementation {
  ImportContacts: grpc.handleClientStreamingCall<_truyvet_cases_v1_ContactRow__Output, _truyvet_cases_v1_ImportContactsResponse>;
  
  ImportProximityLogs: grpc.handleClientStreamingCall<_truyvet_cases_v1_ProximityLog__Output, _truyvet_cases_v1_ImportLogResponse>;
  
  ImportVenueCheckIns: grpc.handleClientStreamingCall<_truyvet_cases_v1_VenueCheckIn__Output, _truyvet_cases_v1_ImportLogResponse>;
  
  RecordContacts: grpc.handleUnaryCall<_truyvet_cases_v1_RecordContactsRequest__Output, _truyvet_cases_v1_RecordContactsResponse>;
  
  RegisterArrival: grpc.handleUnaryCall<_truyvet_cases_v1_RegisterArrivalRequest__Output, _truyvet_cases_v1_PersonRecord>;
  
}

export interface ContactsDefinition extends grpc.ServiceDefinition {
  ImportContacts: MethodDefinition<_truyvet_cases_v1_ContactRow, _truyvet_cases_v1_ImportContactsResponse, _truyvet_cases_v1_ContactRow__Output, _truyvet_cases_v1_ImportContactsResponse__Output>
  ImportProximityLogs: MethodDefinition<_truyvet_cases_v1_ProximityLog, _truyvet_cases_v1_ImportLogResponse, _truyvet_cases_v1_ProximityLog__Output, _truyvet_cases_v1_ImportLogResponse__Output>
  ImportVenueCheckIns: MethodDefinition<_truyvet_cases_v1_VenueCheckIn, _truyvet_cases_v1_ImportLogResponse, _truyvet_cases_v1_VenueCheckIn__Output, _truyvet_cases_v1_ImportLogResponse__Output>
  RecordContacts: MethodDefinition<_truyvet_cases_v1_RecordContactsRequest, _truyvet_cases_v1_RecordContactsResponse, _truyvet_cases_v1_RecordContactsRequest__Output, _truyvet_cases_v1_RecordContactsResponse__Output>
  RegisterArrival: MethodDefinition<_truyvet_cases_v1_RegisterArrivalRequest, _truyvet_cases_v1_PersonRecord, _truyvet_cases_v1_RegisterArrivalRequest__Output, _truyvet_cases_v1_PersonRecord__Output>
}
