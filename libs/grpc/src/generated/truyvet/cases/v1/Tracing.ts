// Original file: protos/truyvet/cases/v1/cases.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ClaimTaskRequest as _truyvet_cases_v1_ClaimTaskRequest, ClaimTaskRequest__Output as _truyvet_cases_v1_ClaimTaskRequest__Output } from '../../../truyvet/cases/v1/ClaimTaskRequest';
import type { CompleteTaskRequest as _truyvet_cases_v1_CompleteTaskRequest, CompleteTaskRequest__Output as _truyvet_cases_v1_CompleteTaskRequest__Output } from '../../../truyvet/cases/v1/CompleteTaskRequest';
import type { ListTasksRequest as _truyvet_cases_v1_ListTasksRequest, ListTasksRequest__Output as _truyvet_cases_v1_ListTasksRequest__Output } from '../../../truyvet/cases/v1/ListTasksRequest';
import type { ListTasksResponse as _truyvet_cases_v1_ListTasksResponse, ListTasksResponse__Output as _truyvet_cases_v1_ListTasksResponse__Output } from '../../../truyvet/cases/v1/ListTasksResponse';
import type { ReportTipRequest as _truyvet_cases_v1_ReportTipRequest, ReportTipRequest__Output as _truyvet_cases_v1_ReportTipRequest__Output } from '../../../truyvet/cases/v1/ReportTipRequest';
import type { Task as _truyvet_cases_v1_Task, Task__Output as _truyvet_cases_v1_Task__Output } from '../../../truyvet/cases/v1/Task';

export interface TracingClient extends grpc.Client {
  ClaimTask(argument: _truyvet_cases_v1_ClaimTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  ClaimTask(argument: _truyvet_cases_v1_ClaimTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  ClaimTask(argument: _truyvet_cases_v1_ClaimTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  ClaimTask(argument: _truyvet_cases_v1_ClaimTaskRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  claimTask(argument: _truyvet_cases_v1_ClaimTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  claimTask(argument: _truyvet_cases_v1_ClaimTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  claimTask(argument: _truyvet_cases_v1_ClaimTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  claimTask(argument: _truyvet_cases_v1_ClaimTaskRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  
  CompleteTask(argument: _truyvet_cases_v1_CompleteTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  CompleteTask(argument: _truyvet_cases_v1_CompleteTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  CompleteTask(argument: _truyvet_cases_v1_CompleteTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  CompleteTask(argument: _truyvet_cases_v1_CompleteTaskRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  completeTask(argument: _truyvet_cases_v1_CompleteTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  completeTask(argument: _truyvet_cases_v1_CompleteTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  completeTask(argument: _truyvet_cases_v1_CompleteTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  completeTask(argument: _truyvet_cases_v1_CompleteTaskRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  
  ListTasks(argument: _truyvet_cases_v1_ListTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  ListTasks(argument: _truyvet_cases_v1_ListTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  ListTasks(argument: _truyvet_cases_v1_ListTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  ListTasks(argument: _truyvet_cases_v1_ListTasksRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  listTasks(argument: _truyvet_cases_v1_ListTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  listTasks(argument: _truyvet_cases_v1_ListTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  listTasks(argument: _truyvet_cases_v1_ListTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  listTasks(argument: _truyvet_cases_v1_ListTasksRequest, callback: grpc.requestCallback<_truyvet_cases_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  
  ReportTip(argument: _truyvet_cases_v1_ReportTipRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  ReportTip(argument: _truyvet_cases_v1_ReportTipRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  ReportTip(argument: _truyvet_cases_v1_ReportTipRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  ReportTip(argument: _truyvet_cases_v1_ReportTipRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  reportTip(argument: _truyvet_cases_v1_ReportTipRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  reportTip(argument: _truyvet_cases_v1_ReportTipRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  reportTip(argument: _truyvet_cases_v1_ReportTipRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  reportTip(argument: _truyvet_cases_v1_ReportTipRequest, callback: grpc.requestCallback<_truyvet_cases_v1_Task__Output>): grpc.ClientUnaryCall;
  
}

export interface TracingHandlers extends grpc.UntypedServiceImplementation {
  ClaimTask: grpc.handleUnaryCall<_truyvet_cases_v1_ClaimTaskRequest__Output, _truyvet_cases_v1_Task>;
  
  CompleteTask: grpc.handleUnaryCall<_truyvet_cases_v1_CompleteTaskRequest__Output, _truyvet_cases_v1_Task>;
  
  ListTasks: grpc.handleUnaryCall<_truyvet_cases_v1_ListTasksRequest__Output, _truyvet_cases_v1_ListTasksResponse>;
  
  ReportTip: grpc.handleUnaryCall<_truyvet_cases_v1_ReportTipRequest__Output, _truyvet_cases_v1_Task>;
  
}

export interface TracingDefinition extends grpc.ServiceDefinition {
  ClaimTask: MethodDefinition<_truyvet_cases_v1_ClaimTaskRequest, _truyvet_cases_v1_Task, _truyvet_cases_v1_ClaimTaskRequest__Output, _truyvet_cases_v1_Task__Output>
  CompleteTask: MethodDefinition<_truyvet_cases_v1_CompleteTaskRequest, _truyvet_cases_v1_Task, _truyvet_cases_v1_CompleteTaskRequest__Output, _truyvet_cases_v1_Task__Output>
  ListTasks: MethodDefinition<_truyvet_cases_v1_ListTasksRequest, _truyvet_cases_v1_ListTasksResponse, _truyvet_cases_v1_ListTasksRequest__Output, _truyvet_cases_v1_ListTasksResponse__Output>
  ReportTip: MethodDefinition<_truyvet_cases_v1_ReportTipRequest, _truyvet_cases_v1_Task, _truyvet_cases_v1_ReportTipRequest__Output, _truyvet_cases_v1_Task__Output>
}
