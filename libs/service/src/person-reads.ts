/**
 * The read audit of a service on the real servers, and the API that lists it (audit.proto).
 * Every answer naming people waits for its record: concurrent answers share one insert (the next
 * batch gathers while one is in flight), so the audit costs one round trip per batch, not per call.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  accessOf,
  loadGrpcObject,
  unary,
  type AccessKind,
  type AccessTable,
  type PersonRead,
  type PersonReadTrail,
  type Role,
} from '@truyvet/grpc';
import type { AuditProto, ListPersonReadsResponse } from '@truyvet/grpc/audit';
import { isInfrastructureFailure } from '@truyvet/errors';
import { isDuplicateKey, type IndexDeclaration } from '@truyvet/store';
import type { Collection, Db } from 'mongodb';

interface PersonReadDocument {
  _id: string;
  at: Date;
  method: string;
  /** Absent on records made before changes were told from reads: those were reads. */
  kind?: AccessKind;
  outcome?: string;
  caller: { sub: string; role: Role; level: string; code: string; lab?: string; client?: string };
  correlationId: string;
  reason?: string;
  personIds: string[];
}

const COLLECTION = 'person_reads';
/** At most this many reads in one insert. */
const BATCH = 500;

export class MongoPersonReadTrail implements PersonReadTrail {
  private readonly collection: Collection<PersonReadDocument>;
  private queue: { document: PersonReadDocument; done: (error?: Error) => void }[] = [];
  private flushing: Promise<void> | undefined;

  /** Newest first by person: MongoDB answers from this; FerretDB 1.24 scans (an operator's view). */
  static readonly indexes: IndexDeclaration = {
    collection: COLLECTION,
    indexes: [{ key: { at: -1 }, name: 'at' }],
  };

  constructor(db: Db) {
    this.collection = db.collection<PersonReadDocument>(COLLECTION);
  }

  record(read: PersonRead): Promise<void> {
    const { sub, role, jurisdiction, lab, client } = read.caller;
    const document: PersonReadDocument = {
      _id: randomUUID(),
      at: read.at,
      method: read.method,
      kind: read.kind,
      ...(read.outcome ? { outcome: read.outcome } : {}),
      caller: {
        sub,
        role,
        level: jurisdiction.level,
        code: jurisdiction.code,
        ...(lab ? { lab } : {}),
        ...(client ? { client } : {}),
      },
      correlationId: read.correlationId,
      ...(read.reason ? { reason: read.reason } : {}),
      personIds: [...read.personIds],
    };
    return new Promise<void>((resolve, reject) => {
      this.queue.push({
        document,
        done: (error) => {
          if (error === undefined) resolve();
          else reject(error);
        },
      });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, BATCH);
        try {
          await this.collection.insertMany(
            batch.map((b) => b.document),
            { ordered: false },
          );
          for (const b of batch) b.done();
        } catch (error) {
          // The store away fails them all (each answer then fails closed). Anything else may be one
          // record's fault (one too large, say): each goes again alone, so only its answer fails.
          if (batch.length === 1 || isInfrastructureFailure(error)) {
            const failure = error instanceof Error ? error : new Error(String(error));
            for (const b of batch) b.done(failure);
            continue;
          }
          for (const b of batch) {
            try {
              await this.collection.insertOne(b.document);
              b.done();
            } catch (alone) {
              // In already: the unordered insert took it before it failed on another.
              if (isDuplicateKey(alone)) b.done();
              else b.done(alone instanceof Error ? alone : new Error(String(alone)));
            }
          }
        }
      }
    } finally {
      // In the same turn as the loop's last check: a record made after this starts a new flush.
      this.flushing = undefined;
    }
  }

  async readsOf(personId: string, options: { since?: Date; limit: number }): Promise<PersonRead[]> {
    const documents = await this.collection
      .find({ personIds: personId, ...(options.since ? { at: { $gte: options.since } } : {}) })
      .sort({ at: -1 })
      .limit(options.limit)
      .toArray();
    return documents.map((d) => ({
      at: d.at,
      method: d.method,
      kind: d.kind ?? 'read',
      ...(d.outcome ? { outcome: d.outcome } : {}),
      caller: {
        sub: d.caller.sub,
        role: d.caller.role,
        jurisdiction: { level: d.caller.level as 'city' | 'district' | 'ward', code: d.caller.code },
        ...(d.caller.lab ? { lab: d.caller.lab } : {}),
        ...(d.caller.client ? { client: d.caller.client } : {}),
      },
      correlationId: d.correlationId,
      ...(d.reason ? { reason: d.reason } : {}),
      personIds: d.personIds,
    }));
  }
}

export const personReadsProto = loadGrpcObject<AuditProto>('truyvet/audit/v1/audit.proto').truyvet.audit.v1;

const AUDITORS: Role[] = ['admin'];

/** Served by every service's host, next to its own services. */
export const PERSON_READS_SERVICE = 'truyvet.audit.v1.PersonReads';

/** Who may list the reads: admins, city-wide (the trail is every area's). */
export const PERSON_READS_ACCESS: AccessTable = accessOf(PERSON_READS_SERVICE, {
  ListPersonReads: { roles: AUDITORS, area: 'city', note: 'the whole city: admins only' },
});

const listRequest = z.object({
  personId: z.string().trim().min(1, 'is required'),
  since: z
    .string()
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()))
    .pipe(z.iso.datetime({ offset: true, message: 'an RFC 3339 time' }).optional()),
  limit: z
    .number()
    .int()
    .optional()
    .transform((n) => (n === undefined || n === 0 ? 100 : n))
    .pipe(z.number().int().min(1, 'at least 1').max(1000, 'at most 1000')),
});

export function personReadsHandlers(trail: PersonReadTrail) {
  return {
    ListPersonReads: unary(listRequest, async (request): Promise<ListPersonReadsResponse> => {
      const reads = await trail.readsOf(request.personId, {
        ...(request.since ? { since: new Date(request.since) } : {}),
        limit: request.limit,
      });
      return {
        reads: reads.map((r) => ({
          at: r.at.toISOString(),
          method: r.method,
          caller: r.caller.sub,
          role: r.caller.role,
          areaLevel: r.caller.jurisdiction.level,
          areaCode: r.caller.jurisdiction.code,
          correlationId: r.correlationId,
          peopleInAnswer: r.personIds.length,
          kind: r.kind,
          outcome: r.outcome ?? '',
          client: r.caller.client ?? '',
          reason: r.reason ?? '',
        })),
      };
    }),
  };
}
