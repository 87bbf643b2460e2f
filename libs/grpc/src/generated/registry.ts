import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BadRequest as _google_rpc_BadRequest, BadRequest__Output as _google_rpc_BadRequest__Output } from './google/rpc/BadRequest';
import type { Address as _truyvet_testing_v1_Address, Address__Output as _truyvet_testing_v1_Address__Output } from './truyvet/testing/v1/Address';
import type { ImportPersonsResponse as _truyvet_testing_v1_ImportPersonsResponse, ImportPersonsResponse__Output as _truyvet_testing_v1_ImportPersonsResponse__Output } from './truyvet/testing/v1/ImportPersonsResponse';
import type { ImportResult as _truyvet_testing_v1_ImportResult, ImportResult__Output as _truyvet_testing_v1_ImportResult__Output } from './truyvet/testing/v1/ImportResult';
import type { ListPersonsRequest as _truyvet_testing_v1_ListPersonsRequest, ListPersonsRequest__Output as _truyvet_testing_v1_ListPersonsRequest__Output } from './truyvet/testing/v1/ListPersonsRequest';
import type { Person as _truyvet_testing_v1_Person, Person__Output as _truyvet_testing_v1_Person__Output } from './truyvet/testing/v1/Person';
import type { PersonRegistryClient as _truyvet_testing_v1_PersonRegistryClient, PersonRegistryDefinition as _truyvet_testing_v1_PersonRegistryDefinition } from './truyvet/testing/v1/PersonRegistry';
import type { RegisterPersonRequest as _truyvet_testing_v1_RegisterPersonRequest, RegisterPersonRequest__Output as _truyvet_testing_v1_RegisterPersonRequest__Output } from './truyvet/testing/v1/RegisterPersonRequest';
import type { RegisterPersonResponse as _truyvet_testing_v1_RegisterPersonResponse, RegisterPersonResponse__Output as _truyvet_testing_v1_RegisterPersonResponse__Output } from './truyvet/testing/v1/RegisterPersonResponse';

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
    testing: {
      v1: {
        Address: MessageTypeDefinition<_truyvet_testing_v1_Address, _truyvet_testing_v1_Address__Output>
        ImportPersonsResponse: MessageTypeDefinition<_truyvet_testing_v1_ImportPersonsResponse, _truyvet_testing_v1_ImportPersonsResponse__Output>
        ImportResult: MessageTypeDefinition<_truyvet_testing_v1_ImportResult, _truyvet_testing_v1_ImportResult__Output>
        ListPersonsRequest: MessageTypeDefinition<_truyvet_testing_v1_ListPersonsRequest, _truyvet_testing_v1_ListPersonsRequest__Output>
        Person: MessageTypeDefinition<_truyvet_testing_v1_Person, _truyvet_testing_v1_Person__Output>
        PersonRegistry: SubtypeConstructor<typeof grpc.Client, _truyvet_testing_v1_PersonRegistryClient> & { service: _truyvet_testing_v1_PersonRegistryDefinition }
        RegisterPersonRequest: MessageTypeDefinition<_truyvet_testing_v1_RegisterPersonRequest, _truyvet_testing_v1_RegisterPersonRequest__Output>
        RegisterPersonResponse: MessageTypeDefinition<_truyvet_testing_v1_RegisterPersonResponse, _truyvet_testing_v1_RegisterPersonResponse__Output>
      }
    }
  }
}

