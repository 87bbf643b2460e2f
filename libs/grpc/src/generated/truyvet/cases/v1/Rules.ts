// Original file: protos/truyvet/cases/v1/cases.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddRuleSetRequest as _truyvet_cases_v1_AddRuleSetRequest, AddRuleSetRequest__Output as _truyvet_cases_v1_AddRuleSetRequest__Output } from '../../../truyvet/cases/v1/AddRuleSetRequest';
import type { ListRuleSetsRequest as _truyvet_cases_v1_ListRuleSetsRequest, ListRuleSetsRequest__Output as _truyvet_cases_v1_ListRuleSetsRequest__Output } from '../../../truyvet/cases/v1/ListRuleSetsRequest';
import type { ListRuleSetsResponse as _truyvet_cases_v1_ListRuleSetsResponse, ListRuleSetsResponse__Output as _truyvet_cases_v1_ListRuleSetsResponse__Output } from '../../../truyvet/cases/v1/ListRuleSetsResponse';
import type { RuleSetView as _truyvet_cases_v1_RuleSetView, RuleSetView__Output as _truyvet_cases_v1_RuleSetView__Output } from '../../../truyvet/cases/v1/RuleSetView';

export interface RulesClient extends grpc.Client {
  AddRuleSet(argument: _truyvet_cases_v1_AddRuleSetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_RuleSetView__Output>): grpc.ClientUnaryCall;
  AddRuleSet(argument: _truyvet_cases_v1_AddRuleSetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_RuleSetView__Output>): grpc.ClientUnaryCall;
  AddRuleSet(argument: _truyvet_cases_v1_AddRuleSetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_RuleSetView__Output>): grpc.ClientUnaryCall;
  AddRuleSet(argument: _truyvet_cases_v1_AddRuleSetRequest, callback: grpc.requestCallback<_truyvet_cases_v1_RuleSetView__Output>): grpc.ClientUnaryCall;
  addRuleSet(argument: _truyvet_cases_v1_AddRuleSetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_RuleSetView__Output>): grpc.ClientUnaryCall;
  addRuleSet(argument: _truyvet_cases_v1_AddRuleSetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_RuleSetView__Output>): grpc.ClientUnaryCall;
  addRuleSet(argument: _truyvet_cases_v1_AddRuleSetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_RuleSetView__Output>): grpc.ClientUnaryCall;
  addRuleSet(argument: _truyvet_cases_v1_AddRuleSetRequest, callback: grpc.requestCallback<_truyvet_cases_v1_RuleSetView__Output>): grpc.ClientUnaryCall;
  
  ListRuleSets(argument: _truyvet_cases_v1_ListRuleSetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListRuleSetsResponse__Output>): grpc.ClientUnaryCall;
  ListRuleSets(argument: _truyvet_cases_v1_ListRuleSetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ListRuleSetsResponse__Output>): grpc.ClientUnaryCall;
  ListRuleSets(argument: _truyvet_cases_v1_ListRuleSetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListRuleSetsResponse__Output>): grpc.ClientUnaryCall;
  ListRuleSets(argument: _truyvet_cases_v1_ListRuleSetsRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ListRuleSetsResponse__Output>): grpc.ClientUnaryCall;
  listRuleSets(argument: _truyvet_cases_v1_ListRuleSetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListRuleSetsResponse__Output>): grpc.ClientUnaryCall;
  listRuleSets(argument: _truyvet_cases_v1_ListRuleSetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ListRuleSetsResponse__Output>): grpc.ClientUnaryCall;
  listRuleSets(argument: _truyvet_cases_v1_ListRuleSetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListRuleSetsResponse__Output>): grpc.ClientUnaryCall;
  listRuleSets(argument: _truyvet_cases_v1_ListRuleSetsRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ListRuleSetsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface RulesHandlers extends grpc.UntypedServiceImplementation {
  AddRuleSet: grpc.handleUnaryCall<_truyvet_cases_v1_AddRuleSetRequest__Output, _truyvet_cases_v1_RuleSetView>;
  
  ListRuleSets: grpc.handleUnaryCall<_truyvet_cases_v1_ListRuleSetsRequest__Output, _truyvet_cases_v1_ListRuleSetsResponse>;
  
}

export interface RulesDefinition extends grpc.ServiceDefinition {
  AddRuleSet: MethodDefinition<_truyvet_cases_v1_AddRuleSetRequest, _truyvet_cases_v1_RuleSetView, _truyvet_cases_v1_AddRuleSetRequest__Output, _truyvet_cases_v1_RuleSetView__Output>
  ListRuleSets: MethodDefinition<_truyvet_cases_v1_ListRuleSetsRequest, _truyvet_cases_v1_ListRuleSetsResponse, _truyvet_cases_v1_ListRuleSetsRequest__Output, _truyvet_cases_v1_ListRuleSetsResponse__Output>
}
