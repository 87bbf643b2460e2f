/**
 * sample-collection's gRPC API on a signed-in user's behalf (a token per user, as in ./cases):
 * the district's sampling worklist.
 */
import { createClient, loadGrpcObject, unaryCall, type Caller, type SigningKey } from '@truyvet/grpc';
import type { ProtoGrpcType as SamplesProto } from '@truyvet/grpc/src/generated/samples';
import type { WorklistItem__Output } from '@truyvet/grpc/src/generated/truyvet/samples/v1/WorklistItem';
import { asUser } from './cases';

const samples = loadGrpcObject<SamplesProto>('truyvet/samples/v1/samples.proto').truyvet.samples.v1;

export type WorklistItem = WorklistItem__Output;

export interface SampleDesk {
  /** Who to swab in a district (or one of its wards), overdue first. */
  worklist(caller: Caller, area: { districtCode: string; wardCode?: string }): Promise<WorklistItem[]>;
  close(): void;
}

export class GrpcSampleDesk implements SampleDesk {
  private readonly worklists;

  constructor(
    address: string,
    private readonly signingKey: SigningKey,
  ) {
    this.worklists = createClient(samples.Worklists, address);
  }

  async worklist(caller: Caller, area: { districtCode: string; wardCode?: string }): Promise<WorklistItem[]> {
    const answer = await unaryCall(
      this.worklists,
      'ListWorklist',
      area,
      await asUser(this.signingKey, caller),
    );
    return answer.items;
  }

  close(): void {
    this.worklists.close();
  }
}
