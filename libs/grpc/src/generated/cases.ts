import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BadRequest as _google_rpc_BadRequest, BadRequest__Output as _google_rpc_BadRequest__Output } from './google/rpc/BadRequest';
import type { AddRuleSetRequest as _truyvet_cases_v1_AddRuleSetRequest, AddRuleSetRequest__Output as _truyvet_cases_v1_AddRuleSetRequest__Output } from './truyvet/cases/v1/AddRuleSetRequest';
import type { Arrival as _truyvet_cases_v1_Arrival, Arrival__Output as _truyvet_cases_v1_Arrival__Output } from './truyvet/cases/v1/Arrival';
import type { Candidate as _truyvet_cases_v1_Candidate, Candidate__Output as _truyvet_cases_v1_Candidate__Output } from './truyvet/cases/v1/Candidate';
import type { CaseView as _truyvet_cases_v1_CaseView, CaseView__Output as _truyvet_cases_v1_CaseView__Output } from './truyvet/cases/v1/CaseView';
import type { CasesClient as _truyvet_cases_v1_CasesClient, CasesDefinition as _truyvet_cases_v1_CasesDefinition } from './truyvet/cases/v1/Cases';
import type { Chain as _truyvet_cases_v1_Chain, Chain__Output as _truyvet_cases_v1_Chain__Output } from './truyvet/cases/v1/Chain';
import type { ChainLink as _truyvet_cases_v1_ChainLink, ChainLink__Output as _truyvet_cases_v1_ChainLink__Output } from './truyvet/cases/v1/ChainLink';
import type { ClaimTaskRequest as _truyvet_cases_v1_ClaimTaskRequest, ClaimTaskRequest__Output as _truyvet_cases_v1_ClaimTaskRequest__Output } from './truyvet/cases/v1/ClaimTaskRequest';
import type { Cluster as _truyvet_cases_v1_Cluster, Cluster__Output as _truyvet_cases_v1_Cluster__Output } from './truyvet/cases/v1/Cluster';
import type { ClusterMember as _truyvet_cases_v1_ClusterMember, ClusterMember__Output as _truyvet_cases_v1_ClusterMember__Output } from './truyvet/cases/v1/ClusterMember';
import type { CompleteTaskRequest as _truyvet_cases_v1_CompleteTaskRequest, CompleteTaskRequest__Output as _truyvet_cases_v1_CompleteTaskRequest__Output } from './truyvet/cases/v1/CompleteTaskRequest';
import type { Contact as _truyvet_cases_v1_Contact, Contact__Output as _truyvet_cases_v1_Contact__Output } from './truyvet/cases/v1/Contact';
import type { ContactInput as _truyvet_cases_v1_ContactInput, ContactInput__Output as _truyvet_cases_v1_ContactInput__Output } from './truyvet/cases/v1/ContactInput';
import type { ContactOutcome as _truyvet_cases_v1_ContactOutcome, ContactOutcome__Output as _truyvet_cases_v1_ContactOutcome__Output } from './truyvet/cases/v1/ContactOutcome';
import type { ContactRow as _truyvet_cases_v1_ContactRow, ContactRow__Output as _truyvet_cases_v1_ContactRow__Output } from './truyvet/cases/v1/ContactRow';
import type { ContactsClient as _truyvet_cases_v1_ContactsClient, ContactsDefinition as _truyvet_cases_v1_ContactsDefinition } from './truyvet/cases/v1/Contacts';
import type { ContactsResponse as _truyvet_cases_v1_ContactsResponse, ContactsResponse__Output as _truyvet_cases_v1_ContactsResponse__Output } from './truyvet/cases/v1/ContactsResponse';
import type { Exposure as _truyvet_cases_v1_Exposure, Exposure__Output as _truyvet_cases_v1_Exposure__Output } from './truyvet/cases/v1/Exposure';
import type { Facility as _truyvet_cases_v1_Facility, Facility__Output as _truyvet_cases_v1_Facility__Output } from './truyvet/cases/v1/Facility';
import type { GetCaseRequest as _truyvet_cases_v1_GetCaseRequest, GetCaseRequest__Output as _truyvet_cases_v1_GetCaseRequest__Output } from './truyvet/cases/v1/GetCaseRequest';
import type { GetChainRequest as _truyvet_cases_v1_GetChainRequest, GetChainRequest__Output as _truyvet_cases_v1_GetChainRequest__Output } from './truyvet/cases/v1/GetChainRequest';
import type { GetClusterRequest as _truyvet_cases_v1_GetClusterRequest, GetClusterRequest__Output as _truyvet_cases_v1_GetClusterRequest__Output } from './truyvet/cases/v1/GetClusterRequest';
import type { GetContactsRequest as _truyvet_cases_v1_GetContactsRequest, GetContactsRequest__Output as _truyvet_cases_v1_GetContactsRequest__Output } from './truyvet/cases/v1/GetContactsRequest';
import type { GetPersonRequest as _truyvet_cases_v1_GetPersonRequest, GetPersonRequest__Output as _truyvet_cases_v1_GetPersonRequest__Output } from './truyvet/cases/v1/GetPersonRequest';
import type { GetVenueGraphRequest as _truyvet_cases_v1_GetVenueGraphRequest, GetVenueGraphRequest__Output as _truyvet_cases_v1_GetVenueGraphRequest__Output } from './truyvet/cases/v1/GetVenueGraphRequest';
import type { IdentityCandidate as _truyvet_cases_v1_IdentityCandidate, IdentityCandidate__Output as _truyvet_cases_v1_IdentityCandidate__Output } from './truyvet/cases/v1/IdentityCandidate';
import type { ImportContactsResponse as _truyvet_cases_v1_ImportContactsResponse, ImportContactsResponse__Output as _truyvet_cases_v1_ImportContactsResponse__Output } from './truyvet/cases/v1/ImportContactsResponse';
import type { ImportLogResponse as _truyvet_cases_v1_ImportLogResponse, ImportLogResponse__Output as _truyvet_cases_v1_ImportLogResponse__Output } from './truyvet/cases/v1/ImportLogResponse';
import type { IsolatedPerson as _truyvet_cases_v1_IsolatedPerson, IsolatedPerson__Output as _truyvet_cases_v1_IsolatedPerson__Output } from './truyvet/cases/v1/IsolatedPerson';
import type { IsolationClient as _truyvet_cases_v1_IsolationClient, IsolationDefinition as _truyvet_cases_v1_IsolationDefinition } from './truyvet/cases/v1/Isolation';
import type { IsolationOrder as _truyvet_cases_v1_IsolationOrder, IsolationOrder__Output as _truyvet_cases_v1_IsolationOrder__Output } from './truyvet/cases/v1/IsolationOrder';
import type { LevelCount as _truyvet_cases_v1_LevelCount, LevelCount__Output as _truyvet_cases_v1_LevelCount__Output } from './truyvet/cases/v1/LevelCount';
import type { ListCasesRequest as _truyvet_cases_v1_ListCasesRequest, ListCasesRequest__Output as _truyvet_cases_v1_ListCasesRequest__Output } from './truyvet/cases/v1/ListCasesRequest';
import type { ListCasesResponse as _truyvet_cases_v1_ListCasesResponse, ListCasesResponse__Output as _truyvet_cases_v1_ListCasesResponse__Output } from './truyvet/cases/v1/ListCasesResponse';
import type { ListFacilitiesRequest as _truyvet_cases_v1_ListFacilitiesRequest, ListFacilitiesRequest__Output as _truyvet_cases_v1_ListFacilitiesRequest__Output } from './truyvet/cases/v1/ListFacilitiesRequest';
import type { ListFacilitiesResponse as _truyvet_cases_v1_ListFacilitiesResponse, ListFacilitiesResponse__Output as _truyvet_cases_v1_ListFacilitiesResponse__Output } from './truyvet/cases/v1/ListFacilitiesResponse';
import type { ListInIsolationRequest as _truyvet_cases_v1_ListInIsolationRequest, ListInIsolationRequest__Output as _truyvet_cases_v1_ListInIsolationRequest__Output } from './truyvet/cases/v1/ListInIsolationRequest';
import type { ListInIsolationResponse as _truyvet_cases_v1_ListInIsolationResponse, ListInIsolationResponse__Output as _truyvet_cases_v1_ListInIsolationResponse__Output } from './truyvet/cases/v1/ListInIsolationResponse';
import type { ListRuleSetsRequest as _truyvet_cases_v1_ListRuleSetsRequest, ListRuleSetsRequest__Output as _truyvet_cases_v1_ListRuleSetsRequest__Output } from './truyvet/cases/v1/ListRuleSetsRequest';
import type { ListRuleSetsResponse as _truyvet_cases_v1_ListRuleSetsResponse, ListRuleSetsResponse__Output as _truyvet_cases_v1_ListRuleSetsResponse__Output } from './truyvet/cases/v1/ListRuleSetsResponse';
import type { ListTasksRequest as _truyvet_cases_v1_ListTasksRequest, ListTasksRequest__Output as _truyvet_cases_v1_ListTasksRequest__Output } from './truyvet/cases/v1/ListTasksRequest';
import type { ListTasksResponse as _truyvet_cases_v1_ListTasksResponse, ListTasksResponse__Output as _truyvet_cases_v1_ListTasksResponse__Output } from './truyvet/cases/v1/ListTasksResponse';
import type { ListWaitingRequest as _truyvet_cases_v1_ListWaitingRequest, ListWaitingRequest__Output as _truyvet_cases_v1_ListWaitingRequest__Output } from './truyvet/cases/v1/ListWaitingRequest';
import type { ListWaitingResponse as _truyvet_cases_v1_ListWaitingResponse, ListWaitingResponse__Output as _truyvet_cases_v1_ListWaitingResponse__Output } from './truyvet/cases/v1/ListWaitingResponse';
import type { PendingContact as _truyvet_cases_v1_PendingContact, PendingContact__Output as _truyvet_cases_v1_PendingContact__Output } from './truyvet/cases/v1/PendingContact';
import type { PersonRecord as _truyvet_cases_v1_PersonRecord, PersonRecord__Output as _truyvet_cases_v1_PersonRecord__Output } from './truyvet/cases/v1/PersonRecord';
import type { ProximityLog as _truyvet_cases_v1_ProximityLog, ProximityLog__Output as _truyvet_cases_v1_ProximityLog__Output } from './truyvet/cases/v1/ProximityLog';
import type { ReachedContact as _truyvet_cases_v1_ReachedContact, ReachedContact__Output as _truyvet_cases_v1_ReachedContact__Output } from './truyvet/cases/v1/ReachedContact';
import type { RecordContactsRequest as _truyvet_cases_v1_RecordContactsRequest, RecordContactsRequest__Output as _truyvet_cases_v1_RecordContactsRequest__Output } from './truyvet/cases/v1/RecordContactsRequest';
import type { RecordContactsResponse as _truyvet_cases_v1_RecordContactsResponse, RecordContactsResponse__Output as _truyvet_cases_v1_RecordContactsResponse__Output } from './truyvet/cases/v1/RecordContactsResponse';
import type { RecordDeathRequest as _truyvet_cases_v1_RecordDeathRequest, RecordDeathRequest__Output as _truyvet_cases_v1_RecordDeathRequest__Output } from './truyvet/cases/v1/RecordDeathRequest';
import type { RecordRecoveryRequest as _truyvet_cases_v1_RecordRecoveryRequest, RecordRecoveryRequest__Output as _truyvet_cases_v1_RecordRecoveryRequest__Output } from './truyvet/cases/v1/RecordRecoveryRequest';
import type { RegisterArrivalRequest as _truyvet_cases_v1_RegisterArrivalRequest, RegisterArrivalRequest__Output as _truyvet_cases_v1_RegisterArrivalRequest__Output } from './truyvet/cases/v1/RegisterArrivalRequest';
import type { RegisterFacilityRequest as _truyvet_cases_v1_RegisterFacilityRequest, RegisterFacilityRequest__Output as _truyvet_cases_v1_RegisterFacilityRequest__Output } from './truyvet/cases/v1/RegisterFacilityRequest';
import type { ReleaseDueRequest as _truyvet_cases_v1_ReleaseDueRequest, ReleaseDueRequest__Output as _truyvet_cases_v1_ReleaseDueRequest__Output } from './truyvet/cases/v1/ReleaseDueRequest';
import type { ReleaseDueResponse as _truyvet_cases_v1_ReleaseDueResponse, ReleaseDueResponse__Output as _truyvet_cases_v1_ReleaseDueResponse__Output } from './truyvet/cases/v1/ReleaseDueResponse';
import type { ReportTipRequest as _truyvet_cases_v1_ReportTipRequest, ReportTipRequest__Output as _truyvet_cases_v1_ReportTipRequest__Output } from './truyvet/cases/v1/ReportTipRequest';
import type { RowResult as _truyvet_cases_v1_RowResult, RowResult__Output as _truyvet_cases_v1_RowResult__Output } from './truyvet/cases/v1/RowResult';
import type { RuleSetView as _truyvet_cases_v1_RuleSetView, RuleSetView__Output as _truyvet_cases_v1_RuleSetView__Output } from './truyvet/cases/v1/RuleSetView';
import type { RulesClient as _truyvet_cases_v1_RulesClient, RulesDefinition as _truyvet_cases_v1_RulesDefinition } from './truyvet/cases/v1/Rules';
import type { ScheduledTest as _truyvet_cases_v1_ScheduledTest, ScheduledTest__Output as _truyvet_cases_v1_ScheduledTest__Output } from './truyvet/cases/v1/ScheduledTest';
import type { SetFacilityCapacityRequest as _truyvet_cases_v1_SetFacilityCapacityRequest, SetFacilityCapacityRequest__Output as _truyvet_cases_v1_SetFacilityCapacityRequest__Output } from './truyvet/cases/v1/SetFacilityCapacityRequest';
import type { Task as _truyvet_cases_v1_Task, Task__Output as _truyvet_cases_v1_Task__Output } from './truyvet/cases/v1/Task';
import type { TaskEvent as _truyvet_cases_v1_TaskEvent, TaskEvent__Output as _truyvet_cases_v1_TaskEvent__Output } from './truyvet/cases/v1/TaskEvent';
import type { Tip as _truyvet_cases_v1_Tip, Tip__Output as _truyvet_cases_v1_Tip__Output } from './truyvet/cases/v1/Tip';
import type { TracingClient as _truyvet_cases_v1_TracingClient, TracingDefinition as _truyvet_cases_v1_TracingDefinition } from './truyvet/cases/v1/Tracing';
import type { UpdateCaseRequest as _truyvet_cases_v1_UpdateCaseRequest, UpdateCaseRequest__Output as _truyvet_cases_v1_UpdateCaseRequest__Output } from './truyvet/cases/v1/UpdateCaseRequest';
import type { VenueCheckIn as _truyvet_cases_v1_VenueCheckIn, VenueCheckIn__Output as _truyvet_cases_v1_VenueCheckIn__Output } from './truyvet/cases/v1/VenueCheckIn';
import type { VenueGraph as _truyvet_cases_v1_VenueGraph, VenueGraph__Output as _truyvet_cases_v1_VenueGraph__Output } from './truyvet/cases/v1/VenueGraph';
import type { VenueVisit as _truyvet_cases_v1_VenueVisit, VenueVisit__Output as _truyvet_cases_v1_VenueVisit__Output } from './truyvet/cases/v1/VenueVisit';
import type { WaitingOrder as _truyvet_cases_v1_WaitingOrder, WaitingOrder__Output as _truyvet_cases_v1_WaitingOrder__Output } from './truyvet/cases/v1/WaitingOrder';
import type { Address as _truyvet_samples_v1_Address, Address__Output as _truyvet_samples_v1_Address__Output } from './truyvet/samples/v1/Address';
import type { AuditEntry as _truyvet_samples_v1_AuditEntry, AuditEntry__Output as _truyvet_samples_v1_AuditEntry__Output } from './truyvet/samples/v1/AuditEntry';
import type { Candidate as _truyvet_samples_v1_Candidate, Candidate__Output as _truyvet_samples_v1_Candidate__Output } from './truyvet/samples/v1/Candidate';
import type { Candidates as _truyvet_samples_v1_Candidates, Candidates__Output as _truyvet_samples_v1_Candidates__Output } from './truyvet/samples/v1/Candidates';
import type { CorrectPersonRequest as _truyvet_samples_v1_CorrectPersonRequest, CorrectPersonRequest__Output as _truyvet_samples_v1_CorrectPersonRequest__Output } from './truyvet/samples/v1/CorrectPersonRequest';
import type { Existing as _truyvet_samples_v1_Existing, Existing__Output as _truyvet_samples_v1_Existing__Output } from './truyvet/samples/v1/Existing';
import type { FindPersonsRequest as _truyvet_samples_v1_FindPersonsRequest, FindPersonsRequest__Output as _truyvet_samples_v1_FindPersonsRequest__Output } from './truyvet/samples/v1/FindPersonsRequest';
import type { FindPersonsResponse as _truyvet_samples_v1_FindPersonsResponse, FindPersonsResponse__Output as _truyvet_samples_v1_FindPersonsResponse__Output } from './truyvet/samples/v1/FindPersonsResponse';
import type { GetPersonRequest as _truyvet_samples_v1_GetPersonRequest, GetPersonRequest__Output as _truyvet_samples_v1_GetPersonRequest__Output } from './truyvet/samples/v1/GetPersonRequest';
import type { ImportItemResult as _truyvet_samples_v1_ImportItemResult, ImportItemResult__Output as _truyvet_samples_v1_ImportItemResult__Output } from './truyvet/samples/v1/ImportItemResult';
import type { ImportPersonsResponse as _truyvet_samples_v1_ImportPersonsResponse, ImportPersonsResponse__Output as _truyvet_samples_v1_ImportPersonsResponse__Output } from './truyvet/samples/v1/ImportPersonsResponse';
import type { MergePersonsRequest as _truyvet_samples_v1_MergePersonsRequest, MergePersonsRequest__Output as _truyvet_samples_v1_MergePersonsRequest__Output } from './truyvet/samples/v1/MergePersonsRequest';
import type { MergedRegistration as _truyvet_samples_v1_MergedRegistration, MergedRegistration__Output as _truyvet_samples_v1_MergedRegistration__Output } from './truyvet/samples/v1/MergedRegistration';
import type { Person as _truyvet_samples_v1_Person, Person__Output as _truyvet_samples_v1_Person__Output } from './truyvet/samples/v1/Person';
import type { PersonDetails as _truyvet_samples_v1_PersonDetails, PersonDetails__Output as _truyvet_samples_v1_PersonDetails__Output } from './truyvet/samples/v1/PersonDetails';
import type { PersonRegistryClient as _truyvet_samples_v1_PersonRegistryClient, PersonRegistryDefinition as _truyvet_samples_v1_PersonRegistryDefinition } from './truyvet/samples/v1/PersonRegistry';
import type { RegisterPersonRequest as _truyvet_samples_v1_RegisterPersonRequest, RegisterPersonRequest__Output as _truyvet_samples_v1_RegisterPersonRequest__Output } from './truyvet/samples/v1/RegisterPersonRequest';
import type { RegisterPersonResponse as _truyvet_samples_v1_RegisterPersonResponse, RegisterPersonResponse__Output as _truyvet_samples_v1_RegisterPersonResponse__Output } from './truyvet/samples/v1/RegisterPersonResponse';
import type { Registered as _truyvet_samples_v1_Registered, Registered__Output as _truyvet_samples_v1_Registered__Output } from './truyvet/samples/v1/Registered';
import type { Vaccination as _truyvet_samples_v1_Vaccination, Vaccination__Output as _truyvet_samples_v1_Vaccination__Output } from './truyvet/samples/v1/Vaccination';

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
    cases: {
      v1: {
        AddRuleSetRequest: MessageTypeDefinition<_truyvet_cases_v1_AddRuleSetRequest, _truyvet_cases_v1_AddRuleSetRequest__Output>
        Arrival: MessageTypeDefinition<_truyvet_cases_v1_Arrival, _truyvet_cases_v1_Arrival__Output>
        Candidate: MessageTypeDefinition<_truyvet_cases_v1_Candidate, _truyvet_cases_v1_Candidate__Output>
        CaseView: MessageTypeDefinition<_truyvet_cases_v1_CaseView, _truyvet_cases_v1_CaseView__Output>
        Cases: SubtypeConstructor<typeof grpc.Client, _truyvet_cases_v1_CasesClient> & { service: _truyvet_cases_v1_CasesDefinition }
        Chain: MessageTypeDefinition<_truyvet_cases_v1_Chain, _truyvet_cases_v1_Chain__Output>
        ChainLink: MessageTypeDefinition<_truyvet_cases_v1_ChainLink, _truyvet_cases_v1_ChainLink__Output>
        ClaimTaskRequest: MessageTypeDefinition<_truyvet_cases_v1_ClaimTaskRequest, _truyvet_cases_v1_ClaimTaskRequest__Output>
        Cluster: MessageTypeDefinition<_truyvet_cases_v1_Cluster, _truyvet_cases_v1_Cluster__Output>
        ClusterMember: MessageTypeDefinition<_truyvet_cases_v1_ClusterMember, _truyvet_cases_v1_ClusterMember__Output>
        CompleteTaskRequest: MessageTypeDefinition<_truyvet_cases_v1_CompleteTaskRequest, _truyvet_cases_v1_CompleteTaskRequest__Output>
        Contact: MessageTypeDefinition<_truyvet_cases_v1_Contact, _truyvet_cases_v1_Contact__Output>
        ContactInput: MessageTypeDefinition<_truyvet_cases_v1_ContactInput, _truyvet_cases_v1_ContactInput__Output>
        ContactOutcome: MessageTypeDefinition<_truyvet_cases_v1_ContactOutcome, _truyvet_cases_v1_ContactOutcome__Output>
        ContactRow: MessageTypeDefinition<_truyvet_cases_v1_ContactRow, _truyvet_cases_v1_ContactRow__Output>
        Contacts: SubtypeConstructor<typeof grpc.Client, _truyvet_cases_v1_ContactsClient> & { service: _truyvet_cases_v1_ContactsDefinition }
        ContactsResponse: MessageTypeDefinition<_truyvet_cases_v1_ContactsResponse, _truyvet_cases_v1_ContactsResponse__Output>
        Exposure: MessageTypeDefinition<_truyvet_cases_v1_Exposure, _truyvet_cases_v1_Exposure__Output>
        Facility: MessageTypeDefinition<_truyvet_cases_v1_Facility, _truyvet_cases_v1_Facility__Output>
        GetCaseRequest: MessageTypeDefinition<_truyvet_cases_v1_GetCaseRequest, _truyvet_cases_v1_GetCaseRequest__Output>
        GetChainRequest: MessageTypeDefinition<_truyvet_cases_v1_GetChainRequest, _truyvet_cases_v1_GetChainRequest__Output>
        GetClusterRequest: MessageTypeDefinition<_truyvet_cases_v1_GetClusterRequest, _truyvet_cases_v1_GetClusterRequest__Output>
        GetContactsRequest: MessageTypeDefinition<_truyvet_cases_v1_GetContactsRequest, _truyvet_cases_v1_GetContactsRequest__Output>
        GetPersonRequest: MessageTypeDefinition<_truyvet_cases_v1_GetPersonRequest, _truyvet_cases_v1_GetPersonRequest__Output>
        GetVenueGraphRequest: MessageTypeDefinition<_truyvet_cases_v1_GetVenueGraphRequest, _truyvet_cases_v1_GetVenueGraphRequest__Output>
        IdentityCandidate: MessageTypeDefinition<_truyvet_cases_v1_IdentityCandidate, _truyvet_cases_v1_IdentityCandidate__Output>
        ImportContactsResponse: MessageTypeDefinition<_truyvet_cases_v1_ImportContactsResponse, _truyvet_cases_v1_ImportContactsResponse__Output>
        ImportLogResponse: MessageTypeDefinition<_truyvet_cases_v1_ImportLogResponse, _truyvet_cases_v1_ImportLogResponse__Output>
        IsolatedPerson: MessageTypeDefinition<_truyvet_cases_v1_IsolatedPerson, _truyvet_cases_v1_IsolatedPerson__Output>
        Isolation: SubtypeConstructor<typeof grpc.Client, _truyvet_cases_v1_IsolationClient> & { service: _truyvet_cases_v1_IsolationDefinition }
        IsolationOrder: MessageTypeDefinition<_truyvet_cases_v1_IsolationOrder, _truyvet_cases_v1_IsolationOrder__Output>
        LevelCount: MessageTypeDefinition<_truyvet_cases_v1_LevelCount, _truyvet_cases_v1_LevelCount__Output>
        ListCasesRequest: MessageTypeDefinition<_truyvet_cases_v1_ListCasesRequest, _truyvet_cases_v1_ListCasesRequest__Output>
        ListCasesResponse: MessageTypeDefinition<_truyvet_cases_v1_ListCasesResponse, _truyvet_cases_v1_ListCasesResponse__Output>
        ListFacilitiesRequest: MessageTypeDefinition<_truyvet_cases_v1_ListFacilitiesRequest, _truyvet_cases_v1_ListFacilitiesRequest__Output>
        ListFacilitiesResponse: MessageTypeDefinition<_truyvet_cases_v1_ListFacilitiesResponse, _truyvet_cases_v1_ListFacilitiesResponse__Output>
        ListInIsolationRequest: MessageTypeDefinition<_truyvet_cases_v1_ListInIsolationRequest, _truyvet_cases_v1_ListInIsolationRequest__Output>
        ListInIsolationResponse: MessageTypeDefinition<_truyvet_cases_v1_ListInIsolationResponse, _truyvet_cases_v1_ListInIsolationResponse__Output>
        ListRuleSetsRequest: MessageTypeDefinition<_truyvet_cases_v1_ListRuleSetsRequest, _truyvet_cases_v1_ListRuleSetsRequest__Output>
        ListRuleSetsResponse: MessageTypeDefinition<_truyvet_cases_v1_ListRuleSetsResponse, _truyvet_cases_v1_ListRuleSetsResponse__Output>
        ListTasksRequest: MessageTypeDefinition<_truyvet_cases_v1_ListTasksRequest, _truyvet_cases_v1_ListTasksRequest__Output>
        ListTasksResponse: MessageTypeDefinition<_truyvet_cases_v1_ListTasksResponse, _truyvet_cases_v1_ListTasksResponse__Output>
        ListWaitingRequest: MessageTypeDefinition<_truyvet_cases_v1_ListWaitingRequest, _truyvet_cases_v1_ListWaitingRequest__Output>
        ListWaitingResponse: MessageTypeDefinition<_truyvet_cases_v1_ListWaitingResponse, _truyvet_cases_v1_ListWaitingResponse__Output>
        PendingContact: MessageTypeDefinition<_truyvet_cases_v1_PendingContact, _truyvet_cases_v1_PendingContact__Output>
        PersonRecord: MessageTypeDefinition<_truyvet_cases_v1_PersonRecord, _truyvet_cases_v1_PersonRecord__Output>
        ProximityLog: MessageTypeDefinition<_truyvet_cases_v1_ProximityLog, _truyvet_cases_v1_ProximityLog__Output>
        ReachedContact: MessageTypeDefinition<_truyvet_cases_v1_ReachedContact, _truyvet_cases_v1_ReachedContact__Output>
        RecordContactsRequest: MessageTypeDefinition<_truyvet_cases_v1_RecordContactsRequest, _truyvet_cases_v1_RecordContactsRequest__Output>
        RecordContactsResponse: MessageTypeDefinition<_truyvet_cases_v1_RecordContactsResponse, _truyvet_cases_v1_RecordContactsResponse__Output>
        RecordDeathRequest: MessageTypeDefinition<_truyvet_cases_v1_RecordDeathRequest, _truyvet_cases_v1_RecordDeathRequest__Output>
        RecordRecoveryRequest: MessageTypeDefinition<_truyvet_cases_v1_RecordRecoveryRequest, _truyvet_cases_v1_RecordRecoveryRequest__Output>
        RegisterArrivalRequest: MessageTypeDefinition<_truyvet_cases_v1_RegisterArrivalRequest, _truyvet_cases_v1_RegisterArrivalRequest__Output>
        RegisterFacilityRequest: MessageTypeDefinition<_truyvet_cases_v1_RegisterFacilityRequest, _truyvet_cases_v1_RegisterFacilityRequest__Output>
        ReleaseDueRequest: MessageTypeDefinition<_truyvet_cases_v1_ReleaseDueRequest, _truyvet_cases_v1_ReleaseDueRequest__Output>
        ReleaseDueResponse: MessageTypeDefinition<_truyvet_cases_v1_ReleaseDueResponse, _truyvet_cases_v1_ReleaseDueResponse__Output>
        ReportTipRequest: MessageTypeDefinition<_truyvet_cases_v1_ReportTipRequest, _truyvet_cases_v1_ReportTipRequest__Output>
        RowResult: MessageTypeDefinition<_truyvet_cases_v1_RowResult, _truyvet_cases_v1_RowResult__Output>
        RuleSetView: MessageTypeDefinition<_truyvet_cases_v1_RuleSetView, _truyvet_cases_v1_RuleSetView__Output>
        Rules: SubtypeConstructor<typeof grpc.Client, _truyvet_cases_v1_RulesClient> & { service: _truyvet_cases_v1_RulesDefinition }
        ScheduledTest: MessageTypeDefinition<_truyvet_cases_v1_ScheduledTest, _truyvet_cases_v1_ScheduledTest__Output>
        SetFacilityCapacityRequest: MessageTypeDefinition<_truyvet_cases_v1_SetFacilityCapacityRequest, _truyvet_cases_v1_SetFacilityCapacityRequest__Output>
        Task: MessageTypeDefinition<_truyvet_cases_v1_Task, _truyvet_cases_v1_Task__Output>
        TaskEvent: MessageTypeDefinition<_truyvet_cases_v1_TaskEvent, _truyvet_cases_v1_TaskEvent__Output>
        Tip: MessageTypeDefinition<_truyvet_cases_v1_Tip, _truyvet_cases_v1_Tip__Output>
        Tracing: SubtypeConstructor<typeof grpc.Client, _truyvet_cases_v1_TracingClient> & { service: _truyvet_cases_v1_TracingDefinition }
        UpdateCaseRequest: MessageTypeDefinition<_truyvet_cases_v1_UpdateCaseRequest, _truyvet_cases_v1_UpdateCaseRequest__Output>
        VenueCheckIn: MessageTypeDefinition<_truyvet_cases_v1_VenueCheckIn, _truyvet_cases_v1_VenueCheckIn__Output>
        VenueGraph: MessageTypeDefinition<_truyvet_cases_v1_VenueGraph, _truyvet_cases_v1_VenueGraph__Output>
        VenueVisit: MessageTypeDefinition<_truyvet_cases_v1_VenueVisit, _truyvet_cases_v1_VenueVisit__Output>
        WaitingOrder: MessageTypeDefinition<_truyvet_cases_v1_WaitingOrder, _truyvet_cases_v1_WaitingOrder__Output>
      }
    }
    samples: {
      v1: {
        Address: MessageTypeDefinition<_truyvet_samples_v1_Address, _truyvet_samples_v1_Address__Output>
        AuditEntry: MessageTypeDefinition<_truyvet_samples_v1_AuditEntry, _truyvet_samples_v1_AuditEntry__Output>
        Candidate: MessageTypeDefinition<_truyvet_samples_v1_Candidate, _truyvet_samples_v1_Candidate__Output>
        Candidates: MessageTypeDefinition<_truyvet_samples_v1_Candidates, _truyvet_samples_v1_Candidates__Output>
        CorrectPersonRequest: MessageTypeDefinition<_truyvet_samples_v1_CorrectPersonRequest, _truyvet_samples_v1_CorrectPersonRequest__Output>
        Existing: MessageTypeDefinition<_truyvet_samples_v1_Existing, _truyvet_samples_v1_Existing__Output>
        FindPersonsRequest: MessageTypeDefinition<_truyvet_samples_v1_FindPersonsRequest, _truyvet_samples_v1_FindPersonsRequest__Output>
        FindPersonsResponse: MessageTypeDefinition<_truyvet_samples_v1_FindPersonsResponse, _truyvet_samples_v1_FindPersonsResponse__Output>
        GetPersonRequest: MessageTypeDefinition<_truyvet_samples_v1_GetPersonRequest, _truyvet_samples_v1_GetPersonRequest__Output>
        ImportItemResult: MessageTypeDefinition<_truyvet_samples_v1_ImportItemResult, _truyvet_samples_v1_ImportItemResult__Output>
        ImportPersonsResponse: MessageTypeDefinition<_truyvet_samples_v1_ImportPersonsResponse, _truyvet_samples_v1_ImportPersonsResponse__Output>
        MergePersonsRequest: MessageTypeDefinition<_truyvet_samples_v1_MergePersonsRequest, _truyvet_samples_v1_MergePersonsRequest__Output>
        MergedRegistration: MessageTypeDefinition<_truyvet_samples_v1_MergedRegistration, _truyvet_samples_v1_MergedRegistration__Output>
        Person: MessageTypeDefinition<_truyvet_samples_v1_Person, _truyvet_samples_v1_Person__Output>
        PersonDetails: MessageTypeDefinition<_truyvet_samples_v1_PersonDetails, _truyvet_samples_v1_PersonDetails__Output>
        PersonRegistry: SubtypeConstructor<typeof grpc.Client, _truyvet_samples_v1_PersonRegistryClient> & { service: _truyvet_samples_v1_PersonRegistryDefinition }
        RegisterPersonRequest: MessageTypeDefinition<_truyvet_samples_v1_RegisterPersonRequest, _truyvet_samples_v1_RegisterPersonRequest__Output>
        RegisterPersonResponse: MessageTypeDefinition<_truyvet_samples_v1_RegisterPersonResponse, _truyvet_samples_v1_RegisterPersonResponse__Output>
        Registered: MessageTypeDefinition<_truyvet_samples_v1_Registered, _truyvet_samples_v1_Registered__Output>
        Vaccination: MessageTypeDefinition<_truyvet_samples_v1_Vaccination, _truyvet_samples_v1_Vaccination__Output>
      }
    }
  }
}

