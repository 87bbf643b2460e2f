/**
 * The audit trail of a person as the admin sees it: every service keeps the reads and changes of
 * its own answers (audit.proto, served by each), so the console asks the four and puts them in one
 * list, newest first. The services decide who may read it (admins).
 */
import { credentials, type ChannelCredentials } from '@grpc/grpc-js';
import { createClient, loadGrpcObject, unaryCall, type Caller, type SigningKey } from '@truyvet/grpc';
import type { AuditProto, PersonRead__Output } from '@truyvet/grpc/audit';
import { asUser } from './cases';

const audit = loadGrpcObject<AuditProto>('truyvet/audit/v1/audit.proto').truyvet.audit.v1;

/** One read or change of a person, with the service that answered it. */
export interface AuditEntry extends PersonRead__Output {
  service: string;
}

/** At most this many of a person's entries from each service. */
export const AUDIT_LIMIT = 1000;

export interface AuditApi {
  trailOf(caller: Caller, personId: string, since?: string): Promise<AuditEntry[]>;
  close(): void;
}

export class GrpcAuditApi implements AuditApi {
  private readonly clients: Array<{ service: string; client: InstanceType<typeof audit.PersonReads> }>;

  constructor(
    addresses: Readonly<Record<string, string>>,
    private readonly signingKey: SigningKey,
    link: ChannelCredentials = credentials.createInsecure(),
  ) {
    this.clients = Object.entries(addresses).map(([service, address]) => ({
      service,
      client: createClient(audit.PersonReads, address, { credentials: link }),
    }));
  }

  async trailOf(caller: Caller, personId: string, since?: string): Promise<AuditEntry[]> {
    const answers = await Promise.all(
      this.clients.map(async ({ service, client }) => {
        const { reads } = await unaryCall(
          client,
          'ListPersonReads',
          { personId, since: since ?? '', limit: AUDIT_LIMIT },
          await asUser(this.signingKey, caller),
        );
        return reads.map((read) => ({ ...read, service }));
      }),
    );
    return answers.flat().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }

  close(): void {
    for (const { client } of this.clients) client.close();
  }
}
