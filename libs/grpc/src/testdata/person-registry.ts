// Test fixture: the PersonRegistry of protos/truyvet/testing/v1/registry.proto served with this lib,
// the way a real service would use it. Only this lib's tests use it.
import { DomainError, type ErrorKind } from '@truyvet/errors';
import { createLogger, type Logger } from '@truyvet/log';
import { z } from 'zod';
import {
  DEV_SIGNING_KEY,
  DEV_VERIFYING_KEY,
  issueToken,
  requireArea,
  requireRole,
  type Caller,
} from '../auth';
import { createClient } from '../client';
import { clientStream, serverStream, unary } from '../handlers';
import { loadGrpcObject } from '../proto';
import { InMemoryPersonReadTrail } from '../person-reads';
import { createGrpcServer, type GrpcServer } from '../server';
import type { ProtoGrpcType } from '../generated/registry';
import type { ImportPersonsResponse } from '../generated/truyvet/testing/v1/ImportPersonsResponse';
import type { Person } from '../generated/truyvet/testing/v1/Person';
import type { PersonRegistryClient } from '../generated/truyvet/testing/v1/PersonRegistry';

export const registry = loadGrpcObject<ProtoGrpcType>('truyvet/testing/v1/registry.proto').truyvet.testing.v1;
export const SERVICE_NAME = 'truyvet.testing.v1.PersonRegistry';

const wardCode = z.string().regex(/^\d{5}$/, 'must be a 5-digit ward code');

const registerPersonSchema = z.object({
  fullName: z.string().trim().min(2),
  birthYear: z.number().int().min(1900).max(2100),
  address: z.object({ wardCode, street: z.string() }),
});

const listPersonsSchema = z.object({ wardCode });

/** `fullName: 'fail:<kind>'` makes RegisterPerson throw a DomainError of that kind; `'fail:bug'` a plain Error. */
const FAILURES: Record<string, ErrorKind> = {
  'fail:invalid': 'invalid',
  'fail:not_found': 'not_found',
  'fail:conflict': 'conflict',
  'fail:already_exists': 'already_exists',
  'fail:unauthenticated': 'unauthenticated',
  'fail:forbidden': 'forbidden',
  'fail:unavailable': 'unavailable',
  'fail:exhausted': 'exhausted',
  'fail:internal': 'internal',
};

export const SECRET_IN_BUG = 'mongodb://admin:hunter2@db/secret';

export interface LogLine {
  level: number;
  msg: string;
  correlationId?: string;
  method?: string;
  status?: string;
  err?: { message?: string; stack?: string };
  [field: string]: unknown;
}

export interface Fixture {
  server: GrpcServer;
  port: number;
  address: string;
  logs: LogLine[];
  /** The reads of people its answers made; `failing` makes recording fail (the store away). */
  audit: InMemoryPersonReadTrail & { failing: boolean };
  /** A client whose calls carry a token for `caller` (default: a ward team of ward 31117). */
  client(caller?: Partial<Caller>, correlationId?: string): Promise<PersonRegistryClient>;
  close(): Promise<void>;
}

export const WARD_TEAM: Caller = {
  sub: 'ward-team-31117',
  role: 'ward_team',
  jurisdiction: { level: 'ward', code: '31117' },
};

export function personRegistryHandlers(logger: Logger) {
  const persons: Required<Person>[] = [];
  return {
    RegisterPerson: unary(registerPersonSchema, (request, ctx) => {
      requireRole(ctx, 'ward_team', 'district_center', 'admin');
      const kind = FAILURES[request.fullName];
      if (kind) {
        throw new DomainError(`TEST_${kind.toUpperCase()}`, kind, `forced ${kind}`, {
          fields: kind === 'invalid' ? [{ field: 'fullName', description: 'is reserved' }] : [],
        });
      }
      if (request.fullName === 'fail:bug') throw new Error(`cannot connect to ${SECRET_IN_BUG}`);
      requireArea(ctx, { wardCode: request.address.wardCode });
      ctx.logger.info({ wardCode: request.address.wardCode }, 'registering person');
      logger.debug('outer logger, same context');
      const personId = `p-${persons.length + 1}`;
      persons.push({ personId, ...request, registeredAtMs: '1700000000000' });
      return { personId };
    }),

    ImportPersons: clientStream(registerPersonSchema, async (items, ctx) => {
      requireRole(ctx, 'ward_team', 'district_center', 'admin');
      const response: Required<ImportPersonsResponse> = { imported: 0, rejected: 0, results: [] };
      for await (const item of items) {
        if (item.ok) {
          const personId = `p-${persons.length + 1}`;
          persons.push({ personId, ...item.value, registeredAtMs: '1700000000000' });
          response.imported += 1;
          response.results.push({ index: item.index, personId });
        } else {
          response.rejected += 1;
          response.results.push({ index: item.index, rejected: { fieldViolations: item.fields } });
        }
      }
      return response;
    }),

    ListPersons: serverStream(listPersonsSchema, async function* (request, ctx) {
      requireArea(ctx, { wardCode: request.wardCode });
      for (const person of persons) {
        await Promise.resolve();
        if (person.address?.wardCode === request.wardCode) yield person;
      }
    }),
  };
}

export async function startFixture(): Promise<Fixture> {
  const logs: LogLine[] = [];
  const logger = createLogger({
    name: 'grpc-test',
    level: 'debug',
    destination: {
      write(line: string) {
        logs.push(JSON.parse(line) as LogLine);
      },
    },
  });
  // One city (92) is served; its districts and wards are taken as they come.
  const audit = Object.assign(new InMemoryPersonReadTrail(), { failing: false });
  const record = audit.record.bind(audit);
  audit.record = (read) => (audit.failing ? Promise.reject(new Error('audit store away')) : record(read));
  const server = createGrpcServer({
    logger,
    audit,
    auth: { key: DEV_VERIFYING_KEY, servesArea: (j) => j.level !== 'city' || j.code === '92' },
  });
  server.addService(registry.PersonRegistry.service, personRegistryHandlers(logger));
  const port = await server.start('127.0.0.1', 0);
  const address = `127.0.0.1:${port}`;
  const clients: PersonRegistryClient[] = [];
  return {
    server,
    port,
    address,
    logs,
    audit,
    async client(caller = {}, correlationId) {
      const token = await issueToken(DEV_SIGNING_KEY, { ...WARD_TEAM, ...caller });
      const client = createClient(registry.PersonRegistry, address, { token, correlationId });
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.close();
      await server.stop(1000);
    },
  };
}
