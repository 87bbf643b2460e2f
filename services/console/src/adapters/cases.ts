/**
 * case-graph's gRPC API called on a signed-in user's behalf: every call carries a short-lived token
 * minted for that user's role and area, so case-graph applies its own jurisdiction rules (the
 * gateway adds none of its own and never takes a role from the browser).
 */
import * as grpc from '@grpc/grpc-js';
import { credentials, type ChannelCredentials } from '@grpc/grpc-js';
import {
  createClient,
  issueToken,
  loadGrpcObject,
  unaryCall,
  type Caller,
  type SigningKey,
} from '@truyvet/grpc';
import type {
  CasesProto,
  CaseView__Output,
  Chain__Output,
  Cluster__Output,
  ContactInput,
  ContactOutcome__Output,
  IsolatedPerson__Output,
  PersonRecord__Output,
  Task__Output,
} from '@truyvet/grpc/cases';

const cases = loadGrpcObject<CasesProto>('truyvet/cases/v1/cases.proto').truyvet.cases.v1;

/** A token lives a minute: long enough for one call, useless if it leaks from a log. */
const TOKEN_SECONDS = 60;

/** Call options carrying a fresh token for this user, naming the console as the client (the audit says so). */
export async function asUser(key: SigningKey, caller: Caller): Promise<{ metadata: grpc.Metadata }> {
  const metadata = new grpc.Metadata();
  metadata.set(
    'authorization',
    `Bearer ${await issueToken(key, { ...caller, client: 'console' }, TOKEN_SECONDS)}`,
  );
  return { metadata };
}

export type CaseView = CaseView__Output;
export type TaskView = Task__Output;
export type TracingRecordView = PersonRecord__Output;
export type ChainView = Chain__Output;
export type ClusterView = Cluster__Output;
export type IsolatedPersonView = IsolatedPerson__Output;
export type ContactOutcomeView = ContactOutcome__Output;
export type ContactToRecord = ContactInput;

export interface TaskCompletion {
  taskId: string;
  outcome: string;
  note: string;
  /** For `moved`: where the person now lives. */
  movedToWardCode?: string;
  /** For a confirmed identity: the candidate the contact is (empty: a new person). */
  chosenPersonId?: string;
}

/** What the console asks case-graph, always as a given user. */
export interface CaseGraph {
  getCase(caller: Caller, caseId: string): Promise<CaseView>;
  /** A traced person's record: classification, contacts named, isolation orders. */
  getRecord(caller: Caller, personId: string): Promise<TracingRecordView>;
  /** Who infected a person (back to the first case), whom they infected, and their contacts. */
  getChain(caller: Caller, personId: string): Promise<ChainView>;
  getCluster(caller: Caller, clusterId: string): Promise<ClusterView>;
  /** Contacts an F0 named, recorded all or none. */
  recordContacts(
    caller: Caller,
    personId: string,
    contacts: ContactToRecord[],
  ): Promise<ContactOutcomeView[]>;
  /** People isolated in a district or ward, with their next test and release dates. */
  inIsolation(
    caller: Caller,
    area: { districtCode?: string; wardCode?: string },
  ): Promise<IsolatedPersonView[]>;
  /** The open and claimed tasks of the caller's own area, overdue first. */
  listTasks(caller: Caller): Promise<{ tasks: TaskView[]; overdue: number }>;
  claimTask(caller: Caller, taskId: string): Promise<TaskView>;
  completeTask(caller: Caller, completion: TaskCompletion): Promise<TaskView>;
  close(): void;
}

export class GrpcCaseGraph implements CaseGraph {
  private readonly cases;
  private readonly tracing;
  private readonly contacts;
  private readonly isolation;

  constructor(
    address: string,
    private readonly signingKey: SigningKey,
    /** How the service is reached: TLS in a real deployment (GRPC_TLS), plaintext on one machine. */
    link: ChannelCredentials = credentials.createInsecure(),
  ) {
    this.cases = createClient(cases.Cases, address, { credentials: link });
    this.tracing = createClient(cases.Tracing, address, { credentials: link });
    this.contacts = createClient(cases.Contacts, address, { credentials: link });
    this.isolation = createClient(cases.Isolation, address, { credentials: link });
  }

  private as(caller: Caller): Promise<{ metadata: grpc.Metadata }> {
    return asUser(this.signingKey, caller);
  }

  async getCase(caller: Caller, caseId: string): Promise<CaseView> {
    return unaryCall(this.cases, 'GetCase', { caseId }, await this.as(caller));
  }

  async getRecord(caller: Caller, personId: string): Promise<TracingRecordView> {
    return unaryCall(this.cases, 'GetPerson', { personId }, await this.as(caller));
  }

  async getChain(caller: Caller, personId: string): Promise<ChainView> {
    return unaryCall(this.cases, 'GetChain', { personId }, await this.as(caller));
  }

  async getCluster(caller: Caller, clusterId: string): Promise<ClusterView> {
    return unaryCall(this.cases, 'GetCluster', { clusterId }, await this.as(caller));
  }

  async recordContacts(
    caller: Caller,
    personId: string,
    contacts: ContactToRecord[],
  ): Promise<ContactOutcomeView[]> {
    const answer = await unaryCall(
      this.contacts,
      'RecordContacts',
      { personId, contacts },
      await this.as(caller),
    );
    return answer.outcomes;
  }

  async inIsolation(
    caller: Caller,
    area: { districtCode?: string; wardCode?: string },
  ): Promise<IsolatedPersonView[]> {
    const answer = await unaryCall(this.isolation, 'ListInIsolation', area, await this.as(caller));
    return answer.people;
  }

  async listTasks(caller: Caller): Promise<{ tasks: TaskView[]; overdue: number }> {
    return unaryCall(this.tracing, 'ListTasks', {}, await this.as(caller));
  }

  async claimTask(caller: Caller, taskId: string): Promise<TaskView> {
    return unaryCall(this.tracing, 'ClaimTask', { taskId }, await this.as(caller));
  }

  async completeTask(caller: Caller, completion: TaskCompletion): Promise<TaskView> {
    return unaryCall(this.tracing, 'CompleteTask', completion, await this.as(caller));
  }

  close(): void {
    this.cases.close();
    this.tracing.close();
    this.contacts.close();
    this.isolation.close();
  }
}
