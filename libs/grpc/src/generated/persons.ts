import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BadRequest as _google_rpc_BadRequest, BadRequest__Output as _google_rpc_BadRequest__Output } from './google/rpc/BadRequest';
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

