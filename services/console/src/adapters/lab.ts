/**
 * lab-results' gRPC API on a signed-in user's behalf (a token per user, as in ./cases): a box
 * accessioned by scanning, results recorded from an instrument export, a result amended.
 * lab-results decides who may do which.
 */
import { credentials, type ChannelCredentials } from '@grpc/grpc-js';
import {
  createClient,
  loadGrpcObject,
  unaryCall,
  writeClientStream,
  type Caller,
  type SigningKey,
} from '@truyvet/grpc';
import type {
  Accession__Output,
  LabProto,
  RecordResultRequest,
  RecordResultsResponse__Output,
  SampleResults__Output,
} from '@truyvet/grpc/lab';
import type { Amendment, ScannedBox } from '../app/forms';
import { asUser } from './cases';

const lab = loadGrpcObject<LabProto>('truyvet/lab/v1/lab.proto').truyvet.lab.v1;

export type AccessionView = Accession__Output;
export type SampleResultsView = SampleResults__Output;
export type RecordedRows = RecordResultsResponse__Output;

export interface LabApi {
  accession(caller: Caller, box: ScannedBox): Promise<AccessionView>;
  /** Rows of an instrument export, in one bulk call: one answer per row. */
  recordResults(caller: Caller, rows: readonly RecordResultRequest[]): Promise<RecordedRows>;
  sampleResults(caller: Caller, barcode: string): Promise<SampleResultsView>;
  amendResult(caller: Caller, amendment: Amendment & { barcode: string }): Promise<SampleResultsView>;
  close(): void;
}

export class GrpcLabApi implements LabApi {
  private readonly accessioning;
  private readonly results;

  constructor(
    address: string,
    private readonly signingKey: SigningKey,
    /** How the service is reached: TLS in a real deployment (GRPC_TLS), plaintext on one machine. */
    link: ChannelCredentials = credentials.createInsecure(),
  ) {
    this.accessioning = createClient(lab.Accessioning, address, { credentials: link });
    this.results = createClient(lab.Results, address, { credentials: link });
  }

  async accession(caller: Caller, box: ScannedBox): Promise<AccessionView> {
    return unaryCall(this.accessioning, 'AccessionShipment', box, await asUser(this.signingKey, caller));
  }

  async recordResults(caller: Caller, rows: readonly RecordResultRequest[]): Promise<RecordedRows> {
    return writeClientStream(this.results, 'RecordResults', rows, await asUser(this.signingKey, caller));
  }

  async sampleResults(caller: Caller, barcode: string): Promise<SampleResultsView> {
    return unaryCall(this.results, 'GetSampleResults', { barcode }, await asUser(this.signingKey, caller));
  }

  async amendResult(caller: Caller, amendment: Amendment & { barcode: string }): Promise<SampleResultsView> {
    return unaryCall(this.results, 'AmendResult', amendment, await asUser(this.signingKey, caller));
  }

  close(): void {
    this.accessioning.close();
    this.results.close();
  }
}
