// Original file: protos/truyvet/cases/v1/cases.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CaseView as _truyvet_cases_v1_CaseView, CaseView__Output as _truyvet_cases_v1_CaseView__Output } from '../../../truyvet/cases/v1/CaseView';
import type { Chain as _truyvet_cases_v1_Chain, Chain__Output as _truyvet_cases_v1_Chain__Output } from '../../../truyvet/cases/v1/Chain';
import type { Cluster as _truyvet_cases_v1_Cluster, Cluster__Output as _truyvet_cases_v1_Cluster__Output } from '../../../truyvet/cases/v1/Cluster';
import type { ContactsResponse as _truyvet_cases_v1_ContactsResponse, ContactsResponse__Output as _truyvet_cases_v1_ContactsResponse__Output } from '../../../truyvet/cases/v1/ContactsResponse';
import type { GetCaseRequest as _truyvet_cases_v1_GetCaseRequest, GetCaseRequest__Output as _truyvet_cases_v1_GetCaseRequest__Output } from '../../../truyvet/cases/v1/GetCaseRequest';
import type { GetChainRequest as _truyvet_cases_v1_GetChainRequest, GetChainRequest__Output as _truyvet_cases_v1_GetChainRequest__Output } from '../../../truyvet/cases/v1/GetChainRequest';
import type { GetClusterRequest as _truyvet_cases_v1_GetClusterRequest, GetClusterRequest__Output as _truyvet_cases_v1_GetClusterRequest__Output } from '../../../truyvet/cases/v1/GetClusterRequest';
import type { GetContactsRequest as _truyvet_cases_v1_GetContactsRequest, GetContactsRequest__Output as _truyvet_cases_v1_GetContactsRequest__Output } from '../../../truyvet/cases/v1/GetContactsRequest';
import type { GetPersonRequest as _truyvet_cases_v1_GetPersonRequest, GetPersonRequest__Output as _truyvet_cases_v1_GetPersonRequest__Output } from '../../../truyvet/cases/v1/GetPersonRequest';
import type { GetVenueGraphRequest as _truyvet_cases_v1_GetVenueGraphRequest, GetVenueGraphRequest__Output as _truyvet_cases_v1_GetVenueGraphRequest__Output } from '../../../truyvet/cases/v1/GetVenueGraphRequest';
import type { ListCasesRequest as _truyvet_cases_v1_ListCasesRequest, ListCasesRequest__Output as _truyvet_cases_v1_ListCasesRequest__Output } from '../../../truyvet/cases/v1/ListCasesRequest';
import type { ListCasesResponse as _truyvet_cases_v1_ListCasesResponse, ListCasesResponse__Output as _truyvet_cases_v1_ListCasesResponse__Output } from '../../../truyvet/cases/v1/ListCasesResponse';
import type { PersonRecord as _truyvet_cases_v1_PersonRecord, PersonRecord__Output as _truyvet_cases_v1_PersonRecord__Output } from '../../../truyvet/cases/v1/PersonRecord';
import type { RecordDeathRequest as _truyvet_cases_v1_RecordDeathRequest, RecordDeathRequest__Output as _truyvet_cases_v1_RecordDeathRequest__Output } from '../../../truyvet/cases/v1/RecordDeathRequest';
import type { RecordRecoveryRequest as _truyvet_cases_v1_RecordRecoveryRequest, RecordRecoveryRequest__Output as _truyvet_cases_v1_RecordRecoveryRequest__Output } from '../../../truyvet/cases/v1/RecordRecoveryRequest';
import type { UpdateCaseRequest as _truyvet_cases_v1_UpdateCaseRequest, UpdateCaseRequest__Output as _truyvet_cases_v1_UpdateCaseRequest__Output } from '../../../truyvet/cases/v1/UpdateCaseRequest';
import type { VenueGraph as _truyvet_cases_v1_VenueGraph, VenueGraph__Output as _truyvet_cases_v1_VenueGraph__Output } from '../../../truyvet/cases/v1/VenueGraph';

export interface CasesClient extends grpc.Client {
  GetCase(argument: _truyvet_cases_v1_GetCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  GetCase(argument: _truyvet_cases_v1_GetCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  GetCase(argument: _truyvet_cases_v1_GetCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  GetCase(argument: _truyvet_cases_v1_GetCaseRequest, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  getCase(argument: _truyvet_cases_v1_GetCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  getCase(argument: _truyvet_cases_v1_GetCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  getCase(argument: _truyvet_cases_v1_GetCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  getCase(argument: _truyvet_cases_v1_GetCaseRequest, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  
  GetChain(argument: _truyvet_cases_v1_GetChainRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Chain__Output>): grpc.ClientUnaryCall;
  GetChain(argument: _truyvet_cases_v1_GetChainRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Chain__Output>): grpc.ClientUnaryCall;
  GetChain(argument: _truyvet_cases_v1_GetChainRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Chain__Output>): grpc.ClientUnaryCall;
  GetChain(argument: _truyvet_cases_v1_GetChainRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Chain__Output>): grpc.ClientUnaryCall;
  getChain(argument: _truyvet_cases_v1_GetChainRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Chain__Output>): grpc.ClientUnaryCall;
  getChain(argument: _truyvet_cases_v1_GetChainRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Chain__Output>): grpc.ClientUnaryCall;
  getChain(argument: _truyvet_cases_v1_GetChainRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Chain__Output>): grpc.ClientUnaryCall;
  getChain(argument: _truyvet_cases_v1_GetChainRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Chain__Output>): grpc.ClientUnaryCall;
  
  GetCluster(argument: _truyvet_cases_v1_GetClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Cluster__Output>): grpc.ClientUnaryCall;
  GetCluster(argument: _truyvet_cases_v1_GetClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Cluster__Output>): grpc.ClientUnaryCall;
  GetCluster(argument: _truyvet_cases_v1_GetClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Cluster__Output>): grpc.ClientUnaryCall;
  GetCluster(argument: _truyvet_cases_v1_GetClusterRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Cluster__Output>): grpc.ClientUnaryCall;
  getCluster(argument: _truyvet_cases_v1_GetClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Cluster__Output>): grpc.ClientUnaryCall;
  getCluster(argument: _truyvet_cases_v1_GetClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Cluster__Output>): grpc.ClientUnaryCall;
  getCluster(argument: _truyvet_cases_v1_GetClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Cluster__Output>): grpc.ClientUnaryCall;
  getCluster(argument: _truyvet_cases_v1_GetClusterRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Cluster__Output>): grpc.ClientUnaryCall;
  
  GetContacts(argument: _truyvet_cases_v1_GetContactsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ContactsResponse__Output>): grpc.ClientUnaryCall;
  GetContacts(argument: _truyvet_cases_v1_GetContactsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ContactsResponse__Output>): grpc.ClientUnaryCall;
  GetContacts(argument: _truyvet_cases_v1_GetContactsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ContactsResponse__Output>): grpc.ClientUnaryCall;
  GetContacts(argument: _truyvet_cases_v1_GetContactsRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ContactsResponse__Output>): grpc.ClientUnaryCall;
  getContacts(argument: _truyvet_cases_v1_GetContactsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ContactsResponse__Output>): grpc.ClientUnaryCall;
  getContacts(argument: _truyvet_cases_v1_GetContactsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ContactsResponse__Output>): grpc.ClientUnaryCall;
  getContacts(argument: _truyvet_cases_v1_GetContactsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ContactsResponse__Output>): grpc.ClientUnaryCall;
  getContacts(argument: _truyvet_cases_v1_GetContactsRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ContactsResponse__Output>): grpc.ClientUnaryCall;
  
  GetPerson(argument: _truyvet_cases_v1_GetPersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  GetPerson(argument: _truyvet_cases_v1_GetPersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  GetPerson(argument: _truyvet_cases_v1_GetPersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  GetPerson(argument: _truyvet_cases_v1_GetPersonRequest, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  getPerson(argument: _truyvet_cases_v1_GetPersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  getPerson(argument: _truyvet_cases_v1_GetPersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  getPerson(argument: _truyvet_cases_v1_GetPersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  getPerson(argument: _truyvet_cases_v1_GetPersonRequest, callback: grpc.requestCallback<_truyvet_cases_v1_PersonRecord__Output>): grpc.ClientUnaryCall;
  
  GetVenueGraph(argument: _truyvet_cases_v1_GetVenueGraphRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_VenueGraph__Output>): grpc.ClientUnaryCall;
  GetVenueGraph(argument: _truyvet_cases_v1_GetVenueGraphRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_VenueGraph__Output>): grpc.ClientUnaryCall;
  GetVenueGraph(argument: _truyvet_cases_v1_GetVenueGraphRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_VenueGraph__Output>): grpc.ClientUnaryCall;
  GetVenueGraph(argument: _truyvet_cases_v1_GetVenueGraphRequest, callback: grpc.requestCallback<_truyvet_cases_v1_VenueGraph__Output>): grpc.ClientUnaryCall;
  getVenueGraph(argument: _truyvet_cases_v1_GetVenueGraphRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_VenueGraph__Output>): grpc.ClientUnaryCall;
  getVenueGraph(argument: _truyvet_cases_v1_GetVenueGraphRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_VenueGraph__Output>): grpc.ClientUnaryCall;
  getVenueGraph(argument: _truyvet_cases_v1_GetVenueGraphRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_VenueGraph__Output>): grpc.ClientUnaryCall;
  getVenueGraph(argument: _truyvet_cases_v1_GetVenueGraphRequest, callback: grpc.requestCallback<_truyvet_cases_v1_VenueGraph__Output>): grpc.ClientUnaryCall;
  
  ListCases(argument: _truyvet_cases_v1_ListCasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCases(argument: _truyvet_cases_v1_ListCasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCases(argument: _truyvet_cases_v1_ListCasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCases(argument: _truyvet_cases_v1_ListCasesRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _truyvet_cases_v1_ListCasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _truyvet_cases_v1_ListCasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _truyvet_cases_v1_ListCasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _truyvet_cases_v1_ListCasesRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  
  RecordDeath(argument: _truyvet_cases_v1_RecordDeathRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  RecordDeath(argument: _truyvet_cases_v1_RecordDeathRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  RecordDeath(argument: _truyvet_cases_v1_RecordDeathRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  RecordDeath(argument: _truyvet_cases_v1_RecordDeathRequest, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  recordDeath(argument: _truyvet_cases_v1_RecordDeathRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  recordDeath(argument: _truyvet_cases_v1_RecordDeathRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  recordDeath(argument: _truyvet_cases_v1_RecordDeathRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  recordDeath(argument: _truyvet_cases_v1_RecordDeathRequest, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  
  RecordRecovery(argument: _truyvet_cases_v1_RecordRecoveryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  RecordRecovery(argument: _truyvet_cases_v1_RecordRecoveryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  RecordRecovery(argument: _truyvet_cases_v1_RecordRecoveryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  RecordRecovery(argument: _truyvet_cases_v1_RecordRecoveryRequest, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  recordRecovery(argument: _truyvet_cases_v1_RecordRecoveryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  recordRecovery(argument: _truyvet_cases_v1_RecordRecoveryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  recordRecovery(argument: _truyvet_cases_v1_RecordRecoveryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  recordRecovery(argument: _truyvet_cases_v1_RecordRecoveryRequest, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  
  UpdateCase(argument: _truyvet_cases_v1_UpdateCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  UpdateCase(argument: _truyvet_cases_v1_UpdateCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  UpdateCase(argument: _truyvet_cases_v1_UpdateCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  UpdateCase(argument: _truyvet_cases_v1_UpdateCaseRequest, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  updateCase(argument: _truyvet_cases_v1_UpdateCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  updateCase(argument: _truyvet_cases_v1_UpdateCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  updateCase(argument: _truyvet_cases_v1_UpdateCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  updateCase(argument: _truyvet_cases_v1_UpdateCaseRequest, callback: grpc.requestCallback<_truyvet_cases_v1_CaseView__Output>): grpc.ClientUnaryCall;
  
}

export interface CasesHandlers extends grpc.UntypedServiceImplementation {
  GetCase: grpc.handleUnaryCall<_truyvet_cases_v1_GetCaseRequest__Output, _truyvet_cases_v1_CaseView>;
  
  GetChain: grpc.handleUnaryCall<_truyvet_cases_v1_GetChainRequest__Output, _truyvet_cases_v1_Chain>;
  
  GetCluster: grpc.handleUnaryCall<_truyvet_cases_v1_GetClusterRequest__Output, _truyvet_cases_v1_Cluster>;
  
  GetContacts: grpc.handleUnaryCall<_truyvet_cases_v1_GetContactsRequest__Output, _truyvet_cases_v1_ContactsResponse>;
  
  GetPerson: grpc.handleUnaryCall<_truyvet_cases_v1_GetPersonRequest__Output, _truyvet_cases_v1_PersonRecord>;
  
  GetVenueGraph: grpc.handleUnaryCall<_truyvet_cases_v1_GetVenueGraphRequest__Output, _truyvet_cases_v1_VenueGraph>;
  
  ListCases: grpc.handleUnaryCall<_truyvet_cases_v1_ListCasesRequest__Output, _truyvet_cases_v1_ListCasesResponse>;
  
  RecordDeath: grpc.handleUnaryCall<_truyvet_cases_v1_RecordDeathRequest__Output, _truyvet_cases_v1_CaseView>;
  
  RecordRecovery: grpc.handleUnaryCall<_truyvet_cases_v1_RecordRecoveryRequest__Output, _truyvet_cases_v1_CaseView>;
  
  UpdateCase: grpc.handleUnaryCall<_truyvet_cases_v1_UpdateCaseRequest__Output, _truyvet_cases_v1_CaseView>;
  
}

export interface CasesDefinition extends grpc.ServiceDefinition {
  GetCase: MethodDefinition<_truyvet_cases_v1_GetCaseRequest, _truyvet_cases_v1_CaseView, _truyvet_cases_v1_GetCaseRequest__Output, _truyvet_cases_v1_CaseView__Output>
  GetChain: MethodDefinition<_truyvet_cases_v1_GetChainRequest, _truyvet_cases_v1_Chain, _truyvet_cases_v1_GetChainRequest__Output, _truyvet_cases_v1_Chain__Output>
  GetCluster: MethodDefinition<_truyvet_cases_v1_GetClusterRequest, _truyvet_cases_v1_Cluster, _truyvet_cases_v1_GetClusterRequest__Output, _truyvet_cases_v1_Cluster__Output>
  GetContacts: MethodDefinition<_truyvet_cases_v1_GetContactsRequest, _truyvet_cases_v1_ContactsResponse, _truyvet_cases_v1_GetContactsRequest__Output, _truyvet_cases_v1_ContactsResponse__Output>
  GetPerson: MethodDefinition<_truyvet_cases_v1_GetPersonRequest, _truyvet_cases_v1_PersonRecord, _truyvet_cases_v1_GetPersonRequest__Output, _truyvet_cases_v1_PersonRecord__Output>
  GetVenueGraph: MethodDefinition<_truyvet_cases_v1_GetVenueGraphRequest, _truyvet_cases_v1_VenueGraph, _truyvet_cases_v1_GetVenueGraphRequest__Output, _truyvet_cases_v1_VenueGraph__Output>
  ListCases: MethodDefinition<_truyvet_cases_v1_ListCasesRequest, _truyvet_cases_v1_ListCasesResponse, _truyvet_cases_v1_ListCasesRequest__Output, _truyvet_cases_v1_ListCasesResponse__Output>
  RecordDeath: MethodDefinition<_truyvet_cases_v1_RecordDeathRequest, _truyvet_cases_v1_CaseView, _truyvet_cases_v1_RecordDeathRequest__Output, _truyvet_cases_v1_CaseView__Output>
  RecordRecovery: MethodDefinition<_truyvet_cases_v1_RecordRecoveryRequest, _truyvet_cases_v1_CaseView, _truyvet_cases_v1_RecordRecoveryRequest__Output, _truyvet_cases_v1_CaseView__Output>
  UpdateCase: MethodDefinition<_truyvet_cases_v1_UpdateCaseRequest, _truyvet_cases_v1_CaseView, _truyvet_cases_v1_UpdateCaseRequest__Output, _truyvet_cases_v1_CaseView__Output>
}
