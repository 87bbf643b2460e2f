// Original file: protos/truyvet/lab/v1/lab.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AmendResultRequest as _truyvet_lab_v1_AmendResultRequest, AmendResultRequest__Output as _truyvet_lab_v1_AmendResultRequest__Output } from '../../../truyvet/lab/v1/AmendResultRequest';
import type { GetSampleResultsRequest as _truyvet_lab_v1_GetSampleResultsRequest, GetSampleResultsRequest__Output as _truyvet_lab_v1_GetSampleResultsRequest__Output } from '../../../truyvet/lab/v1/GetSampleResultsRequest';
import type { GetTurnaroundRequest as _truyvet_lab_v1_GetTurnaroundRequest, GetTurnaroundRequest__Output as _truyvet_lab_v1_GetTurnaroundRequest__Output } from '../../../truyvet/lab/v1/GetTurnaroundRequest';
import type { RecordResultRequest as _truyvet_lab_v1_RecordResultRequest, RecordResultRequest__Output as _truyvet_lab_v1_RecordResultRequest__Output } from '../../../truyvet/lab/v1/RecordResultRequest';
import type { RecordResultsResponse as _truyvet_lab_v1_RecordResultsResponse, RecordResultsResponse__Output as _truyvet_lab_v1_RecordResultsResponse__Output } from '../../../truyvet/lab/v1/RecordResultsResponse';
import type { RecordedResult as _truyvet_lab_v1_RecordedResult, RecordedResult__Output as _truyvet_lab_v1_RecordedResult__Output } from '../../../truyvet/lab/v1/RecordedResult';
import type { SampleResults as _truyvet_lab_v1_SampleResults, SampleResults__Output as _truyvet_lab_v1_SampleResults__Output } from '../../../truyvet/lab/v1/SampleResults';
import type { Turnaround as _truyvet_lab_v1_Turnaround, Turnaround__Output as _truyvet_lab_v1_Turnaround__Output } from '../../../truyvet/lab/v1/Turnaround';

export interface ResultsClient extends grpc.Client {
  AmendResult(argument: _truyvet_lab_v1_AmendResultRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  AmendResult(argument: _truyvet_lab_v1_AmendResultRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  AmendResult(argument: _truyvet_lab_v1_AmendResultRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  AmendResult(argument: _truyvet_lab_v1_AmendResultRequest, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  amendResult(argument: _truyvet_lab_v1_AmendResultRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  amendResult(argument: _truyvet_lab_v1_AmendResultRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  amendResult(argument: _truyvet_lab_v1_AmendResultRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  amendResult(argument: _truyvet_lab_v1_AmendResultRequest, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  
  GetSampleResults(argument: _truyvet_lab_v1_GetSampleResultsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  GetSampleResults(argument: _truyvet_lab_v1_GetSampleResultsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  GetSampleResults(argument: _truyvet_lab_v1_GetSampleResultsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  GetSampleResults(argument: _truyvet_lab_v1_GetSampleResultsRequest, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  getSampleResults(argument: _truyvet_lab_v1_GetSampleResultsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  getSampleResults(argument: _truyvet_lab_v1_GetSampleResultsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  getSampleResults(argument: _truyvet_lab_v1_GetSampleResultsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  getSampleResults(argument: _truyvet_lab_v1_GetSampleResultsRequest, callback: grpc.requestCallback<_truyvet_lab_v1_SampleResults__Output>): grpc.ClientUnaryCall;
  
  GetTurnaround(argument: _truyvet_lab_v1_GetTurnaroundRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_Turnaround__Output>): grpc.ClientUnaryCall;
  GetTurnaround(argument: _truyvet_lab_v1_GetTurnaroundRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_Turnaround__Output>): grpc.ClientUnaryCall;
  GetTurnaround(argument: _truyvet_lab_v1_GetTurnaroundRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_Turnaround__Output>): grpc.ClientUnaryCall;
  GetTurnaround(argument: _truyvet_lab_v1_GetTurnaroundRequest, callback: grpc.requestCallback<_truyvet_lab_v1_Turnaround__Output>): grpc.ClientUnaryCall;
  getTurnaround(argument: _truyvet_lab_v1_GetTurnaroundRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_Turnaround__Output>): grpc.ClientUnaryCall;
  getTurnaround(argument: _truyvet_lab_v1_GetTurnaroundRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_Turnaround__Output>): grpc.ClientUnaryCall;
  getTurnaround(argument: _truyvet_lab_v1_GetTurnaroundRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_Turnaround__Output>): grpc.ClientUnaryCall;
  getTurnaround(argument: _truyvet_lab_v1_GetTurnaroundRequest, callback: grpc.requestCallback<_truyvet_lab_v1_Turnaround__Output>): grpc.ClientUnaryCall;
  
  RecordResult(argument: _truyvet_lab_v1_RecordResultRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_RecordedResult__Output>): grpc.ClientUnaryCall;
  RecordResult(argument: _truyvet_lab_v1_RecordResultRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_RecordedResult__Output>): grpc.ClientUnaryCall;
  RecordResult(argument: _truyvet_lab_v1_RecordResultRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_RecordedResult__Output>): grpc.ClientUnaryCall;
  RecordResult(argument: _truyvet_lab_v1_RecordResultRequest, callback: grpc.requestCallback<_truyvet_lab_v1_RecordedResult__Output>): grpc.ClientUnaryCall;
  recordResult(argument: _truyvet_lab_v1_RecordResultRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_RecordedResult__Output>): grpc.ClientUnaryCall;
  recordResult(argument: _truyvet_lab_v1_RecordResultRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_RecordedResult__Output>): grpc.ClientUnaryCall;
  recordResult(argument: _truyvet_lab_v1_RecordResultRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_RecordedResult__Output>): grpc.ClientUnaryCall;
  recordResult(argument: _truyvet_lab_v1_RecordResultRequest, callback: grpc.requestCallback<_truyvet_lab_v1_RecordedResult__Output>): grpc.ClientUnaryCall;
  
  RecordResults(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_RecordResultsResponse__Output>): grpc.ClientWritableStream<_truyvet_lab_v1_RecordResultRequest>;
  RecordResults(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_RecordResultsResponse__Output>): grpc.ClientWritableStream<_truyvet_lab_v1_RecordResultRequest>;
  RecordResults(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_RecordResultsResponse__Output>): grpc.ClientWritableStream<_truyvet_lab_v1_RecordResultRequest>;
  RecordResults(callback: grpc.requestCallback<_truyvet_lab_v1_RecordResultsResponse__Output>): grpc.ClientWritableStream<_truyvet_lab_v1_RecordResultRequest>;
  recordResults(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_RecordResultsResponse__Output>): grpc.ClientWritableStream<_truyvet_lab_v1_RecordResultRequest>;
  recordResults(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_lab_v1_RecordResultsResponse__Output>): grpc.ClientWritableStream<_truyvet_lab_v1_RecordResultRequest>;
  recordResults(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_lab_v1_RecordResultsResponse__Output>): grpc.ClientWritableStream<_truyvet_lab_v1_RecordResultRequest>;
  recordResults(callback: grpc.requestCallback<_truyvet_lab_v1_RecordResultsResponse__Output>): grpc.ClientWritableStream<_truyvet_lab_v1_RecordResultRequest>;
  
}

export interface ResultsHandlers extends grpc.UntypedServiceImplementation {
  AmendResult: grpc.handleUnaryCall<_truyvet_lab_v1_AmendResultRequest__Output, _truyvet_lab_v1_SampleResults>;
  
  GetSampleResults: grpc.handleUnaryCall<_truyvet_lab_v1_GetSampleResultsRequest__Output, _truyvet_lab_v1_SampleResults>;
  
  GetTurnaround: grpc.handleUnaryCall<_truyvet_lab_v1_GetTurnaroundRequest__Output, _truyvet_lab_v1_Turnaround>;
  
  RecordResult: grpc.handleUnaryCall<_truyvet_lab_v1_RecordResultRequest__Output, _truyvet_lab_v1_RecordedResult>;
  
  RecordResults: grpc.handleClientStreamingCall<_truyvet_lab_v1_RecordResultRequest__Output, _truyvet_lab_v1_RecordResultsResponse>;
  
}

export interface ResultsDefinition extends grpc.ServiceDefinition {
  AmendResult: MethodDefinition<_truyvet_lab_v1_AmendResultRequest, _truyvet_lab_v1_SampleResults, _truyvet_lab_v1_AmendResultRequest__Output, _truyvet_lab_v1_SampleResults__Output>
  GetSampleResults: MethodDefinition<_truyvet_lab_v1_GetSampleResultsRequest, _truyvet_lab_v1_SampleResults, _truyvet_lab_v1_GetSampleResultsRequest__Output, _truyvet_lab_v1_SampleResults__Output>
  GetTurnaround: MethodDefinition<_truyvet_lab_v1_GetTurnaroundRequest, _truyvet_lab_v1_Turnaround, _truyvet_lab_v1_GetTurnaroundRequest__Output, _truyvet_lab_v1_Turnaround__Output>
  RecordResult: MethodDefinition<_truyvet_lab_v1_RecordResultRequest, _truyvet_lab_v1_RecordedResult, _truyvet_lab_v1_RecordResultRequest__Output, _truyvet_lab_v1_RecordedResult__Output>
  RecordResults: MethodDefinition<_truyvet_lab_v1_RecordResultRequest, _truyvet_lab_v1_RecordResultsResponse, _truyvet_lab_v1_RecordResultRequest__Output, _truyvet_lab_v1_RecordResultsResponse__Output>
}
