import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ListPersonReadsRequest as _truyvet_audit_v1_ListPersonReadsRequest, ListPersonReadsRequest__Output as _truyvet_audit_v1_ListPersonReadsRequest__Output } from './truyvet/audit/v1/ListPersonReadsRequest';
import type { ListPersonReadsResponse as _truyvet_audit_v1_ListPersonReadsResponse, ListPersonReadsResponse__Output as _truyvet_audit_v1_ListPersonReadsResponse__Output } from './truyvet/audit/v1/ListPersonReadsResponse';
import type { PersonRead as _truyvet_audit_v1_PersonRead, PersonRead__Output as _truyvet_audit_v1_PersonRead__Output } from './truyvet/audit/v1/PersonRead';
import type { PersonReadsClient as _truyvet_audit_v1_PersonReadsClient, PersonReadsDefinition as _truyvet_audit_v1_PersonReadsDefinition } from './truyvet/audit/v1/PersonReads';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  truyvet: {
    audit: {
      v1: {
        ListPersonReadsRequest: MessageTypeDefinition<_truyvet_audit_v1_ListPersonReadsRequest, _truyvet_audit_v1_ListPersonReadsRequest__Output>
        ListPersonReadsResponse: MessageTypeDefinition<_truyvet_audit_v1_ListPersonReadsResponse, _truyvet_audit_v1_ListPersonReadsResponse__Output>
        PersonRead: MessageTypeDefinition<_truyvet_audit_v1_PersonRead, _truyvet_audit_v1_PersonRead__Output>
        PersonReads: SubtypeConstructor<typeof grpc.Client, _truyvet_audit_v1_PersonReadsClient> & { service: _truyvet_audit_v1_PersonReadsDefinition }
      }
    }
  }
}

