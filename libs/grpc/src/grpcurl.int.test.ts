/**
 * The gRPC edge as a person with grpcurl sees it: listing and describing services through server
 * reflection, the health check, INVALID_ARGUMENT with its field violations, UNAUTHENTICATED.
 * grpcurl comes from `deploy/local/tools.sh grpcurl` (CI sets GRPCURL to it).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEV_SIGNING_KEY, issueToken } from './auth';
import { startFixture, WARD_TEAM, type Fixture } from './testdata/person-registry';

const run = promisify(execFile);
const grpcurl = process.env.GRPCURL;

async function call(args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const { stdout } = await run(grpcurl ?? 'grpcurl', args);
    return { ok: true, out: stdout };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

if (!grpcurl) {
  if (process.env.REQUIRE_INFRA === '1')
    throw new Error('REQUIRE_INFRA=1 but GRPCURL is not set (deploy/local/tools.sh grpcurl)');
  process.stderr.write(
    '\n*** SKIPPING grpcurl checks: set GRPCURL (deploy/local/tools.sh grpcurl prints its path)\n',
  );
}

(grpcurl ? describe : describe.skip)('grpcurl against a truyvet gRPC server', () => {
  let fixture: Fixture;
  let token: string;
  beforeAll(async () => {
    fixture = await startFixture();
    token = await issueToken(DEV_SIGNING_KEY, WARD_TEAM);
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('lists and describes the services through reflection', async () => {
    const list = await call(['-plaintext', fixture.address, 'list']);
    expect(list.out.split('\n').filter(Boolean).sort()).toEqual([
      'grpc.health.v1.Health',
      'truyvet.testing.v1.PersonRegistry',
    ]);
    const describeOut = await call([
      '-plaintext',
      fixture.address,
      'describe',
      'truyvet.testing.v1.PersonRegistry',
    ]);
    expect(describeOut.out).toContain('rpc RegisterPerson ( .truyvet.testing.v1.RegisterPersonRequest )');
  });

  it('answers the standard health check', async () => {
    const health = await call([
      '-plaintext',
      '-d',
      '{"service":"truyvet.testing.v1.PersonRegistry"}',
      fixture.address,
      'grpc.health.v1.Health/Check',
    ]);
    expect(JSON.parse(health.out)).toEqual({ status: 'SERVING' });
  });

  it('shows every offending field of a bad request', async () => {
    const bad = await call([
      '-plaintext',
      '-H',
      `authorization: Bearer ${token}`,
      '-d',
      '{"fullName":"","birthYear":1800,"address":{"wardCode":"x"}}',
      fixture.address,
      'truyvet.testing.v1.PersonRegistry/RegisterPerson',
    ]);
    expect(bad.ok).toBe(false);
    expect(bad.out).toContain('Code: InvalidArgument');
    expect(bad.out).toContain('type.googleapis.com/google.rpc.BadRequest');
    for (const field of ['"fullName"', '"birthYear"', '"address.wardCode"']) expect(bad.out).toContain(field);
  });

  it('refuses a call without a token, and serves one with', async () => {
    const request = ['-d', '{"fullName":"Nguyễn Văn An","birthYear":1980,"address":{"wardCode":"31117"}}'];
    const method = 'truyvet.testing.v1.PersonRegistry/RegisterPerson';
    const anonymous = await call(['-plaintext', ...request, fixture.address, method]);
    expect(anonymous.out).toContain('Code: Unauthenticated');
    const signed = await call([
      '-plaintext',
      '-H',
      `authorization: Bearer ${token}`,
      ...request,
      fixture.address,
      method,
    ]);
    expect(signed.ok).toBe(true);
    expect(JSON.parse(signed.out)).toHaveProperty('personId');
  });
});
