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

/** A person's trail, newest first; `cutAt` when older entries exist that it does not show. */
export interface AuditTrail {
  entries: AuditEntry[];
  /** Entries before this time are left out: a service had more than AUDIT_LIMIT (ask with `since`). */
  cutAt?: string;
}

export interface AuditApi {
  trailOf(caller: Caller, personId: string, since?: string): Promise<AuditTrail>;
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

  async trailOf(caller: Caller, personId: string, since?: string): Promise<AuditTrail> {
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
    return mergedTrail(answers);
  }

  close(): void {
    for (const { client } of this.clients) client.close();
  }
}

/**
 * The services' answers as one list, newest first. A service that gave its most (`limit`) gave its
 * newest: before its oldest, the others' entries alone would look complete, so the list is cut
 * there and says so.
 */
export function mergedTrail(answers: readonly AuditEntry[][], limit = AUDIT_LIMIT): AuditTrail {
  const full = answers.filter((a) => a.length >= limit).map((a) => a.at(-1)?.at ?? '');
  const cutAt = full.length > 0 ? full.reduce((x, y) => (x > y ? x : y)) : undefined;
  const entries = answers
    .flat()
    .filter((e) => cutAt === undefined || e.at >= cutAt)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { entries, ...(cutAt ? { cutAt } : {}) };
}
