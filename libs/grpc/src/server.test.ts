import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { createLogger } from '@truyvet/log';
import { service as healthService } from 'grpc-health-check';
import { SignJWT } from 'jose';
import { FileDescriptorProto } from 'protobufjs/ext/descriptor';
import { z } from 'zod';
import { DEV_SIGNING_KEY, DEV_VERIFYING_KEY, issueToken } from './auth';
import { InMemoryPersonReadTrail, peopleNamedIn, peopleNamedInText } from './person-reads';
import { implausibleDateFields } from './handlers';
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  checkHealth,
  collectServerStream,
  createClient,
  isServiceError,
  unaryCall,
  unaryCallWithMetadata,
  writeClientStream,
} from './client';
import { accessOf } from './access';
import { serverStream } from './handlers';
import { createGrpcServer } from './server';
import { CORRELATION_ID_KEY, readErrorCode, readFieldViolations, readStatusDetails } from './status';
import type { RegisterPersonRequest } from './generated/truyvet/testing/v1/RegisterPersonRequest';
import {
  SECRET_IN_BUG,
  SERVICE_NAME,
  WARD_TEAM,
  personRegistryHandlers,
  registry,
  startFixture,
  type Fixture,
} from './testdata/person-registry';

const VALID: RegisterPersonRequest = {
  fullName: 'Nguyễn Văn An',
  birthYear: 1984,
  address: { wardCode: '31117', street: '12 Trần Hưng Đạo' },
};

/** The ServiceError a call fails with. */
async function failure(call: Promise<unknown>): Promise<grpc.ServiceError> {
  try {
    await call;
  } catch (error) {
    if (isServiceError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A token signed by hand, to make the ones issueToken refuses to make. */
async function craftToken(
  claims: Record<string, unknown>,
  options: { key?: KeyObject; expiresAt?: number } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject('someone')
    .setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 600)
    .sign(options.key ?? createPrivateKey(DEV_SIGNING_KEY));
}

function bearer(token: string): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

let fixture: Fixture;

beforeAll(async () => {
  fixture = await startFixture();
});

afterAll(async () => {
  await fixture.close();
});

describe('unary calls', () => {
  it('answers a valid call and sends the caller correlation id back in the initial metadata', async () => {
    const client = await fixture.client({}, 'corr-valid-1');
    const { response, metadata } = await unaryCallWithMetadata(client, 'RegisterPerson', VALID);
    expect(response.personId).toMatch(/^p-\d+$/);
    expect(metadata.get(CORRELATION_ID_KEY)).toEqual(['corr-valid-1']);
  });

  it('makes up a correlation id when the call has none', async () => {
    const client = await fixture.client();
    const { metadata } = await unaryCallWithMetadata(client, 'RegisterPerson', VALID);
    const [id] = metadata.get(CORRELATION_ID_KEY);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('answers an invalid request with INVALID_ARGUMENT naming every bad field, also as BadRequest details', async () => {
    const client = await fixture.client();
    const error = await failure(
      unaryCall(client, 'RegisterPerson', { fullName: ' ', birthYear: 1850, address: { wardCode: 'abc' } }),
    );
    expect(error.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(error.details).toMatch(/^invalid request: /);
    for (const field of ['fullName', 'birthYear', 'address.wardCode'])
      expect(error.details).toContain(`${field}: `);

    const violations = readFieldViolations(error);
    expect(violations.map((v) => v.field).sort()).toEqual(['address.wardCode', 'birthYear', 'fullName']);
    expect(violations.find((v) => v.field === 'address.wardCode')?.description).toBe(
      'must be a 5-digit ward code',
    );
    expect(readStatusDetails(error)).toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      message: error.details,
    });
    expect(readErrorCode(error)).toBe('INVALID_ARGUMENT');
  });

  it('reports a missing nested message as a field violation too', async () => {
    const client = await fixture.client();
    const error = await failure(
      unaryCall(client, 'RegisterPerson', { fullName: 'Trần Thị Bình', birthYear: 1990 }),
    );
    expect(error.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(readFieldViolations(error).map((v) => v.field)).toEqual(['address']);
  });

  it.each([
    ['invalid', grpc.status.INVALID_ARGUMENT],
    ['not_found', grpc.status.NOT_FOUND],
    ['conflict', grpc.status.FAILED_PRECONDITION],
    ['already_exists', grpc.status.ALREADY_EXISTS],
    ['unauthenticated', grpc.status.UNAUTHENTICATED],
    ['forbidden', grpc.status.PERMISSION_DENIED],
    ['unavailable', grpc.status.UNAVAILABLE],
    ['exhausted', grpc.status.RESOURCE_EXHAUSTED],
  ])('maps a DomainError of kind %s to status %i', async (kind, code) => {
    const client = await fixture.client();
    const error = await failure(unaryCall(client, 'RegisterPerson', { ...VALID, fullName: `fail:${kind}` }));
    expect(error.code).toBe(code);
    expect(error.details).toBe(`forced ${kind}`);
    expect(readErrorCode(error)).toBe(`TEST_${kind.toUpperCase()}`);
    expect(readFieldViolations(error)).toEqual(
      kind === 'invalid' ? [{ field: 'fullName', description: 'is reserved' }] : [],
    );
  });

  it.each([
    ['a DomainError of kind internal', 'fail:internal', 'forced internal'],
    ['an unknown Error', 'fail:bug', SECRET_IN_BUG],
  ])(
    'answers %s with INTERNAL and a generic message, and logs the stack',
    async (_what, fullName, secret) => {
      const client = await fixture.client({}, `corr-${fullName}`);
      const error = await failure(unaryCall(client, 'RegisterPerson', { ...VALID, fullName }));
      expect(error.code).toBe(grpc.status.INTERNAL);
      expect(error.details).toBe(`internal error (correlation id corr-${fullName})`);
      const everythingSent = JSON.stringify({ details: error.details, trailers: error.metadata.toJSON() });
      expect(everythingSent).not.toContain(secret);
      expect(everythingSent).not.toMatch(/at .*\.ts:\d+/);
      expect(readStatusDetails(error)?.message).toBe(error.details);

      const logged = fixture.logs.find(
        (line) => line.correlationId === `corr-${fullName}` && line.level === 50,
      );
      expect(logged?.err?.stack).toContain(secret);
      expect(logged?.status).toBe('INTERNAL');
    },
  );
});

describe('authentication and authorization', () => {
  async function callWith(metadata: grpc.Metadata) {
    const anonymous = createClient(registry.PersonRegistry, fixture.address);
    try {
      return await failure(unaryCall(anonymous, 'RegisterPerson', VALID, { metadata }));
    } finally {
      anonymous.close();
    }
  }

  it('refuses a call without a token', async () => {
    const error = await callWith(new grpc.Metadata());
    expect(error.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(error.details).toContain('missing credentials');
  });

  it('refuses an authorization that is not a bearer token', async () => {
    const metadata = new grpc.Metadata();
    metadata.set('authorization', 'Basic d2FyZDpzZWNyZXQ=');
    const error = await callWith(metadata);
    expect(error.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(error.details).toContain('expected "Bearer <token>"');
  });

  it('refuses a token that is not a JWT', async () => {
    const error = await callWith(bearer('not-a-jwt'));
    expect(error.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(error.details).toBe('malformed token');
  });

  it('refuses a token signed with another key', async () => {
    const claims = { role: 'ward_team', jurisdiction: WARD_TEAM.jurisdiction };
    const error = await callWith(
      bearer(await craftToken(claims, { key: generateKeyPairSync('ed25519').privateKey })),
    );
    expect(error.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(error.details).toBe('token signature does not verify');
  });

  it('refuses a token signed with the public key as an HMAC secret (algorithm confusion)', async () => {
    const claims = { role: 'admin', jurisdiction: { level: 'city', code: '92' } };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('forger')
      .setExpirationTime(Math.floor(Date.now() / 1000) + 600)
      .sign(new TextEncoder().encode(DEV_VERIFYING_KEY));
    const error = await callWith(bearer(token));
    expect(error.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(error.details).toBe('token must be signed with EdDSA (Ed25519)');
  });

  it('refuses an expired token', async () => {
    const claims = { role: 'ward_team', jurisdiction: WARD_TEAM.jurisdiction };
    const error = await callWith(
      bearer(await craftToken(claims, { expiresAt: Math.floor(Date.now() / 1000) - 60 })),
    );
    expect(error.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(error.details).toBe('token expired');
  });

  it('refuses a token with an unknown role', async () => {
    const error = await callWith(
      bearer(await craftToken({ role: 'mayor', jurisdiction: WARD_TEAM.jurisdiction })),
    );
    expect(error.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(error.details).toMatch(/^invalid token claims: role: /);
  });

  it('refuses a role the method does not allow with PERMISSION_DENIED', async () => {
    const lab = await fixture.client({
      sub: 'lab-1',
      role: 'lab',
      jurisdiction: { level: 'city', code: '92' },
    });
    const error = await failure(unaryCall(lab, 'RegisterPerson', VALID));
    expect(error.code).toBe(grpc.status.PERMISSION_DENIED);
    expect(error.details).toContain(
      'role lab may not call /truyvet.testing.v1.PersonRegistry/RegisterPerson',
    );
  });

  it('refuses a token of an area the deployment does not serve (another city) with PERMISSION_DENIED', async () => {
    const otherCity = await fixture.client({ jurisdiction: { level: 'city', code: '01' } });
    const error = await failure(unaryCall(otherCity, 'RegisterPerson', VALID));
    expect(error.code).toBe(grpc.status.PERMISSION_DENIED);
    expect(readErrorCode(error)).toBe('AREA_NOT_SERVED');
    const ownCity = await fixture.client({ jurisdiction: { level: 'city', code: '92' } });
    await expect(unaryCall(ownCity, 'RegisterPerson', VALID)).resolves.toBeDefined();
  });

  it('refuses a place outside the caller jurisdiction with PERMISSION_DENIED', async () => {
    const otherWard = await fixture.client({ jurisdiction: { level: 'ward', code: '31120' } });
    const error = await failure(unaryCall(otherWard, 'RegisterPerson', VALID));
    expect(error.code).toBe(grpc.status.PERMISSION_DENIED);
    expect(readErrorCode(error)).toBe('OUTSIDE_JURISDICTION');
  });
});

describe('streams', () => {
  it('imports a client stream item by item: a bad row gets its own error, the others go in', async () => {
    const client = await fixture.client();
    const response = await writeClientStream(client, 'ImportPersons', [
      VALID,
      { ...VALID, fullName: 'Lê Văn Cường', birthYear: 3000 },
      { ...VALID, fullName: 'Phạm Thị Dung' },
    ]);
    expect(response.imported).toBe(2);
    expect(response.rejected).toBe(1);
    expect(response.results.map((r) => [r.index, r.outcome])).toEqual([
      [0, 'personId'],
      [1, 'rejected'],
      [2, 'personId'],
    ]);
    expect(response.results[1]?.rejected?.fieldViolations.map((v) => v.field)).toEqual(['birthYear']);
  });

  it('refuses control and text-direction characters in any string, naming the field, in a call or a row', async () => {
    const client = await fixture.client();
    // U+202E turns the rest of a line around on screen: "Nguyễn <RLO>nA" shows as "Nguyễn An" reversed.
    const error = await failure(
      unaryCall(client, 'RegisterPerson', {
        ...VALID,
        fullName: 'Nguyễn Văn \u202Ennc',
        address: { wardCode: '31117', street: 'Hẻm 5\u0000' },
      }),
    );
    expect(error.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(readFieldViolations(error)).toEqual([
      { field: 'fullName', description: 'contains a control or text-direction character' },
      { field: 'address.street', description: 'contains a control or text-direction character' },
    ]);
    const rows = await writeClientStream(client, 'ImportPersons', [
      { ...VALID, fullName: 'Lý Thị\u2066 Hoa' },
      { ...VALID, fullName: 'Trương Văn Hùng', address: { wardCode: '31117', street: 'Số 3\nHẻm 7\tTổ 2' } },
    ]);
    expect(rows.results.map((r) => r.outcome)).toEqual(['rejected', 'personId']); // line breaks and tabs are fine
    expect(rows.results[0]?.rejected?.fieldViolations.map((v) => v.field)).toEqual(['fullName']);
  });

  it('finds dates outside a plausible window by their fields, births from 1900, the rest from December 2019', () => {
    const now = new Date('2021-08-20T00:00:00Z');
    expect(
      implausibleDateFields(
        {
          collectedAt: '2021-08-19T08:00:00+07:00',
          resultedAt: '0001-01-01T00:00:00Z',
          birthDate: '1931-05-02',
          orders: [{ dueOn: '2022-08-20' }, { dueOn: '2022-08-22' }],
          date: '2019-11-30',
          note: '0001-01-01 is not a date field',
        },
        now,
      ).map((v) => v.field),
    ).toEqual(['resultedAt', 'orders.1.dueOn', 'date']);
  });

  it('streams a server stream', async () => {
    const client = await fixture.client({
      sub: 'district-916',
      role: 'district_center',
      jurisdiction: { level: 'district', code: '916' },
    });
    const writer = await fixture.client({ jurisdiction: { level: 'ward', code: '31120' } });
    await unaryCall(writer, 'RegisterPerson', {
      ...VALID,
      fullName: 'Võ Văn Em',
      address: { wardCode: '31120' },
    });
    await unaryCall(writer, 'RegisterPerson', {
      ...VALID,
      fullName: 'Đỗ Thị Phương',
      address: { wardCode: '31120' },
    });

    const wardTeam = await fixture.client({ jurisdiction: { level: 'ward', code: '31120' } });
    const persons = await collectServerStream(wardTeam, 'ListPersons', { wardCode: '31120' });
    expect(persons.map((p) => p.fullName)).toEqual(['Võ Văn Em', 'Đỗ Thị Phương']);
    expect(persons[0]?.registeredAtMs).toBe('1700000000000'); // longs come out as strings

    // A district caller is refused by this fixture's ward-only check: the error ends the stream.
    const error = await failure(collectServerStream(client, 'ListPersons', { wardCode: '31120' }));
    expect(error.code).toBe(grpc.status.PERMISSION_DENIED);
  });

  it('validates a server stream request before streaming', async () => {
    const client = await fixture.client();
    const error = await failure(collectServerStream(client, 'ListPersons', { wardCode: '1' }));
    expect(error.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(readFieldViolations(error)).toEqual([
      { field: 'wardCode', description: 'must be a 5-digit ward code' },
    ]);
  });
});

describe('logging', () => {
  it('gives every log line inside a call its correlation id and method, plus one line per call', async () => {
    const client = await fixture.client({}, 'corr-logging-7');
    await unaryCall(client, 'RegisterPerson', VALID);
    const lines = fixture.logs.filter((line) => line.correlationId === 'corr-logging-7');
    const method = '/truyvet.testing.v1.PersonRegistry/RegisterPerson';
    expect(lines.map((line) => line.msg)).toEqual([
      'registering person',
      'outer logger, same context',
      'grpc call',
    ]);
    for (const line of lines) expect(line.method).toBe(method);
    expect(lines[0]).toMatchObject({ caller: WARD_TEAM.sub, wardCode: '31117' });
    expect(lines[2]).toMatchObject({ level: 30, status: 'OK', caller: WARD_TEAM.sub, role: 'ward_team' });
    expect(typeof lines[2]?.durationMs).toBe('number');
  });

  it('logs a refused call at warn with its status', async () => {
    const anonymous = createClient(registry.PersonRegistry, fixture.address, {
      correlationId: 'corr-anon-3',
    });
    await failure(unaryCall(anonymous, 'RegisterPerson', VALID));
    anonymous.close();
    const line = fixture.logs.find((l) => l.correlationId === 'corr-anon-3');
    expect(line).toMatchObject({ level: 40, status: 'UNAUTHENTICATED', errorCode: 'TOKEN_MISSING' });
  });
});

describe('health and reflection', () => {
  it('reports SERVING for the registered service and the server, and knows no other service', async () => {
    await expect(checkHealth(fixture.address, SERVICE_NAME)).resolves.toBe('SERVING');
    await expect(checkHealth(fixture.address)).resolves.toBe('SERVING');
    await expect(checkHealth(fixture.address, 'truyvet.nope.v1.Nothing')).resolves.toBe('SERVICE_UNKNOWN');
  });

  it('lists the services and serves their descriptors over grpc.reflection.v1, without a token', async () => {
    const protoPath = path.join(
      path.dirname(require.resolve('@grpc/reflection/package.json')),
      'build/proto/grpc/reflection/v1/reflection.proto',
    );
    const definition = protoLoader.loadSync(protoPath, { defaults: true, oneofs: true })[
      'grpc.reflection.v1.ServerReflection'
    ] as protoLoader.ServiceDefinition;
    const info = definition.ServerReflectionInfo;
    if (!info) throw new Error('no ServerReflectionInfo in reflection.proto');
    const client = new grpc.Client(fixture.address, grpc.credentials.createInsecure());
    const call = client.makeBidiStreamRequest(info.path, info.requestSerialize, info.responseDeserialize);
    const responses = call[Symbol.asyncIterator]();

    call.write({ listServices: '*' });
    const listed = z
      .object({ listServicesResponse: z.object({ service: z.array(z.object({ name: z.string() })) }) })
      .parse((await responses.next()).value);
    expect(listed.listServicesResponse.service.map((s) => s.name).sort()).toEqual([
      'grpc.health.v1.Health',
      SERVICE_NAME,
    ]);

    // What `grpcurl describe` does: the file holding the service, then each of its dependencies by name.
    const descriptorsOf = async (request: object) => {
      call.write(request);
      const response = z
        .object({ fileDescriptorResponse: z.object({ fileDescriptorProto: z.array(z.instanceof(Buffer)) }) })
        .parse((await responses.next()).value);
      return response.fileDescriptorResponse.fileDescriptorProto.map((bytes) =>
        z
          .object({ name: z.string(), package: z.string(), dependency: z.array(z.string()) })
          .parse(FileDescriptorProto.toObject(FileDescriptorProto.decode(bytes), { arrays: true })),
      );
    };
    const [serviceFile] = await descriptorsOf({ fileContainingSymbol: SERVICE_NAME });
    expect(serviceFile?.package).toBe('truyvet.testing.v1');
    // registry.proto uses google.rpc.BadRequest: its file must be a declared dependency that resolves.
    expect(serviceFile?.dependency).toHaveLength(1);
    const [dependency] = await descriptorsOf({ fileByFilename: serviceFile?.dependency[0] });
    expect(dependency?.package).toBe('google.rpc');
    call.end();
    client.close();
  });

  it('goes NOT_SERVING when stop begins, then is unreachable', async () => {
    const own = await startFixture();
    const watch = healthService.Watch;
    if (!watch) throw new Error('no Watch in grpc-health-check');
    const client = new grpc.Client(own.address, grpc.credentials.createInsecure());
    const call = client.makeServerStreamRequest(
      watch.path,
      watch.requestSerialize,
      watch.responseDeserialize,
      {
        service: SERVICE_NAME,
      },
    );
    const statuses = call[Symbol.asyncIterator]();
    const statusOf = async () => z.object({ status: z.string() }).parse((await statuses.next()).value).status;

    expect(await statusOf()).toBe('SERVING');
    const stopped = own.close();
    expect(await statusOf()).toBe('NOT_SERVING');
    call.cancel();
    client.close();
    await stopped;

    const error = await failure(checkHealth(own.address, SERVICE_NAME));
    expect(error.code).toBe(grpc.status.UNAVAILABLE);
  });
});

describe('reads of people', () => {
  it('records who was shown which person before the answer leaves', async () => {
    const client = await fixture.client({}, 'corr-audit-1');
    const before = fixture.audit.reads.length;
    const person = await unaryCall(client, 'RegisterPerson', VALID);
    const read = fixture.audit.reads.at(-1);
    expect(fixture.audit.reads).toHaveLength(before + 1);
    expect(read).toMatchObject({
      method: '/truyvet.testing.v1.PersonRegistry/RegisterPerson',
      kind: 'change',
      caller: WARD_TEAM,
      correlationId: 'corr-audit-1',
      personIds: [person.personId],
    });
    await expect(fixture.audit.readsOf(person.personId, { limit: 10 })).resolves.toEqual([read]);
  });

  it('tells a change from a read, and records the client the token names and the reason the caller gave', async () => {
    const client = await fixture.client({ client: 'console' });
    const metadata = new grpc.Metadata();
    metadata.set('x-truyvet-reason-bin', Buffer.from('đăng ký theo danh sách hộ\u202e\n  của trạm'));
    const person = await unaryCall(client, 'RegisterPerson', VALID, { metadata });
    expect(fixture.audit.reads.at(-1)).toMatchObject({
      method: '/truyvet.testing.v1.PersonRegistry/RegisterPerson',
      kind: 'change',
      caller: { ...WARD_TEAM, client: 'console' },
      reason: 'đăng ký theo danh sách hộ của trạm', // one line: control and direction characters go
      personIds: [person.personId],
    });
    await collectServerStream(client, 'ListPersons', { wardCode: VALID.address?.wardCode ?? '' });
    const listed = fixture.audit.reads.at(-1);
    expect(listed).toMatchObject({ method: '/truyvet.testing.v1.PersonRegistry/ListPersons', kind: 'read' });
    expect(listed?.reason).toBeUndefined();
    // Percent-encoded in the text key (grpcurl -H), as a tool without binary metadata sends it.
    const asText = new grpc.Metadata();
    asText.set('x-truyvet-reason', encodeURIComponent('yêu cầu của BCĐ'));
    await unaryCall(client, 'RegisterPerson', VALID, { metadata: asText });
    expect(fixture.audit.reads.at(-1)?.reason).toBe('yêu cầu của BCĐ');
  });

  it('records each streamed answer, and not an answer that names nobody', async () => {
    const wardTeam = await fixture.client({ jurisdiction: { level: 'ward', code: '31120' } });
    await unaryCall(wardTeam, 'RegisterPerson', { ...VALID, address: { wardCode: '31120' } });
    const before = fixture.audit.reads.length;
    const persons = await collectServerStream(wardTeam, 'ListPersons', { wardCode: '31120' });
    const streamed = fixture.audit.reads.slice(before);
    expect(streamed.map((r) => r.personIds[0])).toEqual(persons.map((p) => p.personId));
    expect(streamed.every((r) => r.method.endsWith('/ListPersons'))).toBe(true);

    const empty = fixture.audit.reads.length;
    const elsewhere = await fixture.client({ jurisdiction: { level: 'ward', code: '31186' } });
    await expect(collectServerStream(elsewhere, 'ListPersons', { wardCode: '31186' })).resolves.toEqual([]);
    expect(fixture.audit.reads).toHaveLength(empty);

    fixture.audit.failing = true;
    try {
      const error = await failure(collectServerStream(wardTeam, 'ListPersons', { wardCode: '31120' }));
      expect(error.code).toBe(grpc.status.UNAVAILABLE);
      expect(readErrorCode(error)).toBe('READ_NOT_RECORDED');
    } finally {
      fixture.audit.failing = false;
    }
  });

  it('shows nothing when the read cannot be recorded: UNAVAILABLE, fail closed', async () => {
    const client = await fixture.client();
    fixture.audit.failing = true;
    try {
      const error = await failure(unaryCall(client, 'RegisterPerson', VALID));
      expect(error.code).toBe(grpc.status.UNAVAILABLE);
      expect(readErrorCode(error)).toBe('READ_NOT_RECORDED');
    } finally {
      fixture.audit.failing = false;
    }
  });

  it('finds the people an answer names by their fields, nested and in lists, each once', () => {
    expect(
      peopleNamedIn({
        personId: 'p-1',
        caseId: 'c-9',
        nodes: [{ personId: 'p-2', viaPersonId: 'p-1' }, { sourcePersonId: 'p-3' }],
        pool: { personIds: ['p-4', 'p-5', ''] },
        pair: { personA: 'p-6', personB: 'p-7' },
        fullName: 'Nguyễn Văn A',
        likelySourcePersonId: 'p-8',
      }),
    ).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6', 'p-7', 'p-8']);
    expect(peopleNamedIn({ reports: [{ confirmed: 3 }] })).toEqual([]);
    expect(
      peopleNamedInText('p-0a1b2c3d4e was merged into p-9f9e75ef0d: use that id (p-1 is not one)'),
    ).toEqual(['p-0a1b2c3d4e', 'p-9f9e75ef0d']);
  });
});

describe('registering services', () => {
  const logger = createLogger({ name: 'grpc-test', level: 'silent' });
  const noop = serverStream(z.object({}), () => []);
  const audit = new InMemoryPersonReadTrail();

  it('refuses a handler of the wrong streaming kind', () => {
    const server = createGrpcServer({ logger, audit, auth: { key: DEV_VERIFYING_KEY } });
    const handlers = { ...personRegistryHandlers(logger), RegisterPerson: noop };
    expect(() => server.addService(registry.PersonRegistry.service, handlers)).toThrow(
      '/truyvet.testing.v1.PersonRegistry/RegisterPerson is unary, but its handler was made with serverStream()',
    );
  });

  it('refuses a service whose methods the access table does not all name', () => {
    const server = createGrpcServer({
      logger,
      audit,
      auth: { key: DEV_VERIFYING_KEY },
      access: accessOf(SERVICE_NAME, {
        RegisterPerson: { roles: ['ward_team'], area: 'subject', note: 'the ward' },
      }),
    });
    expect(() => server.addService(registry.PersonRegistry.service, personRegistryHandlers(logger))).toThrow(
      'ImportPersons has no entry in the access table',
    );
  });

  it('refuses a role the access table does not list before reading the request', async () => {
    const names = Object.keys(registry.PersonRegistry.service);
    const server = createGrpcServer({
      logger,
      audit,
      auth: { key: DEV_VERIFYING_KEY },
      access: accessOf(
        SERVICE_NAME,
        Object.fromEntries(
          names.map((name) => [name, { roles: ['city' as const], area: 'city' as const, note: 'the city' }]),
        ),
      ),
    });
    server.addService(registry.PersonRegistry.service, personRegistryHandlers(logger));
    const port = await server.start('127.0.0.1', 0);
    const token = await issueToken(DEV_SIGNING_KEY, WARD_TEAM);
    const client = createClient(registry.PersonRegistry, `127.0.0.1:${port}`, { token });
    try {
      // An empty request would be INVALID_ARGUMENT; the role is refused first.
      const error = await failure(unaryCall(client, 'RegisterPerson', {}));
      expect(error.code).toBe(grpc.status.PERMISSION_DENIED);
      expect(readErrorCode(error)).toBe('ROLE_NOT_ALLOWED');
    } finally {
      client.close();
      await server.stop(1000);
    }
  });

  it('serves health alone in plaintext on its health port, for probes that cannot speak TLS', async () => {
    const server = createGrpcServer({ logger, audit, auth: { key: DEV_VERIFYING_KEY }, healthPort: 0 });
    server.addService(registry.PersonRegistry.service, personRegistryHandlers(logger));
    await server.start('127.0.0.1', 0);
    const healthPort = server.healthPort ?? 0;
    try {
      expect(healthPort).toBeGreaterThan(0);
      expect(await checkHealth(`127.0.0.1:${healthPort}`)).toBe('SERVING');
      // Nothing but health there: a data method is not served.
      const token = await issueToken(DEV_SIGNING_KEY, WARD_TEAM);
      const client = createClient(registry.PersonRegistry, `127.0.0.1:${healthPort}`, { token });
      const error = await failure(unaryCall(client, 'RegisterPerson', VALID));
      client.close();
      expect(error.code).toBe(grpc.status.UNIMPLEMENTED);
    } finally {
      await server.stop(1000);
    }
  });

  it('refuses a client stream past its most items with RESOURCE_EXHAUSTED, before taking any of it', async () => {
    const server = createGrpcServer({ logger, audit, auth: { key: DEV_VERIFYING_KEY }, maxStreamItems: 2 });
    server.addService(registry.PersonRegistry.service, personRegistryHandlers(logger));
    const port = await server.start('127.0.0.1', 0);
    const token = await issueToken(DEV_SIGNING_KEY, WARD_TEAM);
    const client = createClient(registry.PersonRegistry, `127.0.0.1:${port}`, { token });
    try {
      const two = await writeClientStream(client, 'ImportPersons', [VALID, VALID]);
      expect(two.imported).toBe(2);
      const held = async () =>
        (await collectServerStream(client, 'ListPersons', { wardCode: '31117' })).length;
      const before = await held();
      const error = await failure(writeClientStream(client, 'ImportPersons', [VALID, VALID, VALID]));
      expect(error.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
      expect(readErrorCode(error)).toBe('TOO_MANY_ITEMS');
      expect(error.details).toBe(
        'a stream takes at most 2 items: nothing of it was taken; send it in calls of at most that many',
      );
      expect(await held()).toBe(before);
    } finally {
      client.close();
      await server.stop(1000);
    }
  });

  it('refuses a client stream larger in bytes than it holds, before taking any of it', async () => {
    const server = createGrpcServer({
      logger,
      audit,
      auth: { key: DEV_VERIFYING_KEY },
      maxStreamBytes: 2_000,
    });
    server.addService(registry.PersonRegistry.service, personRegistryHandlers(logger));
    const port = await server.start('127.0.0.1', 0);
    const client = createClient(registry.PersonRegistry, `127.0.0.1:${port}`, {
      token: await issueToken(DEV_SIGNING_KEY, WARD_TEAM),
    });
    try {
      const held = async () =>
        (await collectServerStream(client, 'ListPersons', { wardCode: '31117' })).length;
      const before = await held();
      const long = { ...VALID, fullName: 'Nguyễn Văn An '.repeat(40) };
      const error = await failure(writeClientStream(client, 'ImportPersons', [long, long, long, long]));
      expect(error.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
      expect(readErrorCode(error)).toBe('STREAM_TOO_LARGE');
      expect(await held()).toBe(before);
    } finally {
      client.close();
      await server.stop(1000);
    }
  });

  it('refuses an answer larger than a client takes with RESOURCE_EXHAUSTED saying so', async () => {
    const trail = new InMemoryPersonReadTrail();
    const server = createGrpcServer({
      logger,
      audit: trail,
      auth: { key: DEV_VERIFYING_KEY },
      maxAnswerBytes: 64,
    });
    server.addService(registry.PersonRegistry.service, personRegistryHandlers(logger));
    const port = await server.start('127.0.0.1', 0);
    const client = createClient(registry.PersonRegistry, `127.0.0.1:${port}`, {
      token: await issueToken(DEV_SIGNING_KEY, WARD_TEAM),
    });
    try {
      await expect(unaryCall(client, 'RegisterPerson', VALID)).resolves.toMatchObject({ personId: 'p-1' });
      const recorded = trail.reads.length;
      const error = await failure(
        writeClientStream(
          client,
          'ImportPersons',
          Array.from({ length: 8 }, () => VALID),
        ),
      );
      expect(error.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
      expect(readErrorCode(error)).toBe('ANSWER_TOO_LARGE');
      expect(error.details).toMatch(
        /^the answer would be 0\.0 MiB, over the 0\.0 MiB a client takes: ask for less/,
      );
      expect(trail.reads).toHaveLength(recorded); // the rows named no one already registered
    } finally {
      client.close();
      await server.stop(1000);
    }
  });

  it('refuses a service with a method left unimplemented', () => {
    const server = createGrpcServer({ logger, audit, auth: { key: DEV_VERIFYING_KEY } });
    const { RegisterPerson, ImportPersons } = personRegistryHandlers(logger);
    const incomplete = { RegisterPerson, ImportPersons };
    const register = () => {
      // @ts-expect-error ListPersons is missing: with a generated definition that is a type error too
      server.addService(registry.PersonRegistry.service, incomplete);
    };
    expect(register).toThrow('no handler for /truyvet.testing.v1.PersonRegistry/ListPersons');
  });

  it('issues tokens a server accepts', async () => {
    const token = await issueToken(DEV_SIGNING_KEY, WARD_TEAM, 60);
    const client = createClient(registry.PersonRegistry, fixture.address, { token });
    await expect(unaryCall(client, 'RegisterPerson', VALID)).resolves.toMatchObject({
      personId: expect.any(String),
    });
    client.close();
  });
});
