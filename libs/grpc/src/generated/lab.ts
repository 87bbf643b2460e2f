import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BadRequest as _google_rpc_BadRequest, BadRequest__Output as _google_rpc_BadRequest__Output } from './google/rpc/BadRequest';
import type { Accession as _truyvet_lab_v1_Accession, Accession__Output as _truyvet_lab_v1_Accession__Output } from './truyvet/lab/v1/Accession';
import type { AccessionShipmentRequest as _truyvet_lab_v1_AccessionShipmentRequest, AccessionShipmentRequest__Output as _truyvet_lab_v1_AccessionShipmentRequest__Output } from './truyvet/lab/v1/AccessionShipmentRequest';
import type { AccessioningClient as _truyvet_lab_v1_AccessioningClient, AccessioningDefinition as _truyvet_lab_v1_AccessioningDefinition } from './truyvet/lab/v1/Accessioning';
import type { AmendResultRequest as _truyvet_lab_v1_AmendResultRequest, AmendResultRequest__Output as _truyvet_lab_v1_AmendResultRequest__Output } from './truyvet/lab/v1/AmendResultRequest';
import type { Durations as _truyvet_lab_v1_Durations, Durations__Output as _truyvet_lab_v1_Durations__Output } from './truyvet/lab/v1/Durations';
import type { GetAccessionRequest as _truyvet_lab_v1_GetAccessionRequest, GetAccessionRequest__Output as _truyvet_lab_v1_GetAccessionRequest__Output } from './truyvet/lab/v1/GetAccessionRequest';
import type { GetSampleResultsRequest as _truyvet_lab_v1_GetSampleResultsRequest, GetSampleResultsRequest__Output as _truyvet_lab_v1_GetSampleResultsRequest__Output } from './truyvet/lab/v1/GetSampleResultsRequest';
import type { GetTurnaroundRequest as _truyvet_lab_v1_GetTurnaroundRequest, GetTurnaroundRequest__Output as _truyvet_lab_v1_GetTurnaroundRequest__Output } from './truyvet/lab/v1/GetTurnaroundRequest';
import type { RecordResultItem as _truyvet_lab_v1_RecordResultItem, RecordResultItem__Output as _truyvet_lab_v1_RecordResultItem__Output } from './truyvet/lab/v1/RecordResultItem';
import type { RecordResultRequest as _truyvet_lab_v1_RecordResultRequest, RecordResultRequest__Output as _truyvet_lab_v1_RecordResultRequest__Output } from './truyvet/lab/v1/RecordResultRequest';
import type { RecordResultsResponse as _truyvet_lab_v1_RecordResultsResponse, RecordResultsResponse__Output as _truyvet_lab_v1_RecordResultsResponse__Output } from './truyvet/lab/v1/RecordResultsResponse';
import type { RecordedResult as _truyvet_lab_v1_RecordedResult, RecordedResult__Output as _truyvet_lab_v1_RecordedResult__Output } from './truyvet/lab/v1/RecordedResult';
import type { RejectedTube as _truyvet_lab_v1_RejectedTube, RejectedTube__Output as _truyvet_lab_v1_RejectedTube__Output } from './truyvet/lab/v1/RejectedTube';
import type { ResultEntry as _truyvet_lab_v1_ResultEntry, ResultEntry__Output as _truyvet_lab_v1_ResultEntry__Output } from './truyvet/lab/v1/ResultEntry';
import type { ResultsClient as _truyvet_lab_v1_ResultsClient, ResultsDefinition as _truyvet_lab_v1_ResultsDefinition } from './truyvet/lab/v1/Results';
import type { SampleResults as _truyvet_lab_v1_SampleResults, SampleResults__Output as _truyvet_lab_v1_SampleResults__Output } from './truyvet/lab/v1/SampleResults';
import type { ScannedTube as _truyvet_lab_v1_ScannedTube, ScannedTube__Output as _truyvet_lab_v1_ScannedTube__Output } from './truyvet/lab/v1/ScannedTube';
import type { Turnaround as _truyvet_lab_v1_Turnaround, Turnaround__Output as _truyvet_lab_v1_Turnaround__Output } from './truyvet/lab/v1/Turnaround';

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
    lab: {
      v1: {
        Accession: MessageTypeDefinition<_truyvet_lab_v1_Accession, _truyvet_lab_v1_Accession__Output>
        AccessionShipmentRequest: MessageTypeDefinition<_truyvet_lab_v1_AccessionShipmentRequest, _truyvet_lab_v1_AccessionShipmentRequest__Output>
        Accessioning: SubtypeConstructor<typeof grpc.Client, _truyvet_lab_v1_AccessioningClient> & { service: _truyvet_lab_v1_AccessioningDefinition }
        AmendResultRequest: MessageTypeDefinition<_truyvet_lab_v1_AmendResultRequest, _truyvet_lab_v1_AmendResultRequest__Output>
        Durations: MessageTypeDefinition<_truyvet_lab_v1_Durations, _truyvet_lab_v1_Durations__Output>
        GetAccessionRequest: MessageTypeDefinition<_truyvet_lab_v1_GetAccessionRequest, _truyvet_lab_v1_GetAccessionRequest__Output>
        GetSampleResultsRequest: MessageTypeDefinition<_truyvet_lab_v1_GetSampleResultsRequest, _truyvet_lab_v1_GetSampleResultsRequest__Output>
        GetTurnaroundRequest: MessageTypeDefinition<_truyvet_lab_v1_GetTurnaroundRequest, _truyvet_lab_v1_GetTurnaroundRequest__Output>
        RecordResultItem: MessageTypeDefinition<_truyvet_lab_v1_RecordResultItem, _truyvet_lab_v1_RecordResultItem__Output>
        RecordResultRequest: MessageTypeDefinition<_truyvet_lab_v1_RecordResultRequest, _truyvet_lab_v1_RecordResultRequest__Output>
        RecordResultsResponse: MessageTypeDefinition<_truyvet_lab_v1_RecordResultsResponse, _truyvet_lab_v1_RecordResultsResponse__Output>
        RecordedResult: MessageTypeDefinition<_truyvet_lab_v1_RecordedResult, _truyvet_lab_v1_RecordedResult__Output>
        RejectedTube: MessageTypeDefinition<_truyvet_lab_v1_RejectedTube, _truyvet_lab_v1_RejectedTube__Output>
        ResultEntry: MessageTypeDefinition<_truyvet_lab_v1_ResultEntry, _truyvet_lab_v1_ResultEntry__Output>
        Results: SubtypeConstructor<typeof grpc.Client, _truyvet_lab_v1_ResultsClient> & { service: _truyvet_lab_v1_ResultsDefinition }
        SampleResults: MessageTypeDefinition<_truyvet_lab_v1_SampleResults, _truyvet_lab_v1_SampleResults__Output>
        ScannedTube: MessageTypeDefinition<_truyvet_lab_v1_ScannedTube, _truyvet_lab_v1_ScannedTube__Output>
        Turnaround: MessageTypeDefinition<_truyvet_lab_v1_Turnaround, _truyvet_lab_v1_Turnaround__Output>
      }
    }
  }
}

