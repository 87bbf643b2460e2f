// Original file: protos/truyvet/samples/v1/samples.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CollectSampleRequest as _truyvet_samples_v1_CollectSampleRequest, CollectSampleRequest__Output as _truyvet_samples_v1_CollectSampleRequest__Output } from '../../../truyvet/samples/v1/CollectSampleRequest';
import type { CollectSamplesResponse as _truyvet_samples_v1_CollectSamplesResponse, CollectSamplesResponse__Output as _truyvet_samples_v1_CollectSamplesResponse__Output } from '../../../truyvet/samples/v1/CollectSamplesResponse';
import type { GetSampleRequest as _truyvet_samples_v1_GetSampleRequest, GetSampleRequest__Output as _truyvet_samples_v1_GetSampleRequest__Output } from '../../../truyvet/samples/v1/GetSampleRequest';
import type { Sample as _truyvet_samples_v1_Sample, Sample__Output as _truyvet_samples_v1_Sample__Output } from '../../../truyvet/samples/v1/Sample';

export interface SampleCollectionClient extends grpc.Client {
  CollectSample(argument: _truyvet_samples_v1_CollectSampleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  CollectSample(argument: _truyvet_samples_v1_CollectSampleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  CollectSample(argument: _truyvet_samples_v1_CollectSampleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  CollectSample(argument: _truyvet_samples_v1_CollectSampleRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  collectSample(argument: _truyvet_samples_v1_CollectSampleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  collectSample(argument: _truyvet_samples_v1_CollectSampleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  collectSample(argument: _truyvet_samples_v1_CollectSampleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  collectSample(argument: _truyvet_samples_v1_CollectSampleRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  
  CollectSamples(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_CollectSamplesResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_CollectSampleRequest>;
  CollectSamples(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_CollectSamplesResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_CollectSampleRequest>;
  CollectSamples(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_CollectSamplesResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_CollectSampleRequest>;
  CollectSamples(callback: grpc.requestCallback<_truyvet_samples_v1_CollectSamplesResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_CollectSampleRequest>;
  collectSamples(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_CollectSamplesResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_CollectSampleRequest>;
  collectSamples(metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_CollectSamplesResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_CollectSampleRequest>;
  collectSamples(options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_CollectSamplesResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_CollectSampleRequest>;
  collectSamples(callback: grpc.requestCallback<_truyvet_samples_v1_CollectSamplesResponse__Output>): grpc.ClientWritableStream<_truyvet_samples_v1_CollectSampleRequest>;
  
  GetSample(argument: _truyvet_samples_v1_GetSampleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  GetSample(argument: _truyvet_samples_v1_GetSampleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  GetSample(argument: _truyvet_samples_v1_GetSampleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  GetSample(argument: _truyvet_samples_v1_GetSampleRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  getSample(argument: _truyvet_samples_v1_GetSampleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  getSample(argument: _truyvet_samples_v1_GetSampleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  getSample(argument: _truyvet_samples_v1_GetSampleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  getSample(argument: _truyvet_samples_v1_GetSampleRequest, callback: grpc.requestCallback<_truyvet_samples_v1_Sample__Output>): grpc.ClientUnaryCall;
  
}

export interface SampleCollectionHandlers extends grpc.UntypedServiceImplementation {
  CollectSample: grpc.handleUnaryCall<_truyvet_samples_v1_CollectSampleRequest__Output, _truyvet_samples_v1_Sample>;
  
  CollectSamples: grpc.handleClientStreamingCall<_truyvet_samples_v1_CollectSampleRequest__Output, _truyvet_samples_v1_CollectSamplesResponse>;
  
  GetSample: grpc.handleUnaryCall<_truyvet_samples_v1_GetSampleRequest__Output, _truyvet_samples_v1_Sample>;
  
}

export interface SampleCollectionDefinition extends grpc.ServiceDefinition {
  CollectSample: MethodDefinition<_truyvet_samples_v1_CollectSampleRequest, _truyvet_samples_v1_Sample, _truyvet_samples_v1_CollectSampleRequest__Output, _truyvet_samples_v1_Sample__Output>
  CollectSamples: MethodDefinition<_truyvet_samples_v1_CollectSampleRequest, _truyvet_samples_v1_CollectSamplesResponse, _truyvet_samples_v1_CollectSampleRequest__Output, _truyvet_samples_v1_CollectSamplesResponse__Output>
  GetSample: MethodDefinition<_truyvet_samples_v1_GetSampleRequest, _truyvet_samples_v1_Sample, _truyvet_samples_v1_GetSampleRequest__Output, _truyvet_samples_v1_Sample__Output>
}
