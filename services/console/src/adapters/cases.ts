/**
 * case-graph's gRPC API called on a signed-in user's behalf: every call carries a short-lived token
 * minted for that user's role and area, so case-graph applies its own jurisdiction rules (the
 * gateway adds none of its own and never takes a role from the browser).
 */
import * as grpc from '@grpc/grpc-js';
import {
  createClient,
  issueToken,
  loadGrpcObject,
  unaryCall,
  type Caller,
  type SigningKey,
} from '@truyvet/grpc';
import type { ProtoGrpcType as CasesProto } from '@truyvet/grpc/src/generated/cases';
import type { CaseView__Output } from '@truyvet/grpc/src/generated/truyvet/cases/v1/CaseView';

const cases = loadGrpcObject<CasesProto>('truyvet/cases/v1/cases.proto').truyvet.cases.v1;

/** A token lives a minute: long enough for one call, useless if it leaks from a log. */
const TOKEN_SECONDS = 60;

export type CaseView = CaseView__Output;

export interface CaseReader {
  getCase(caller: Caller, caseId: string): Promise<CaseView>;
  close(): void;
}

export class GrpcCaseReader implements CaseReader {
  private readonly client;

  constructor(
    address: string,
    private readonly signingKey: SigningKey,
  ) {
    this.client = createClient(cases.Cases, address);
  }

  async getCase(caller: Caller, caseId: string): Promise<CaseView> {
    const metadata = new grpc.Metadata();
    metadata.set('authorization', `Bearer ${await issueToken(this.signingKey, caller, TOKEN_SECONDS)}`);
    return unaryCall(this.client, 'GetCase', { caseId }, { metadata });
  }

  close(): void {
    this.client.close();
  }
}
