/**
 * The role × method table, held to what the four services do: every method of every proto they
 * serve has an entry (and no entry names a method that does not exist), and every role is tried on
 * every method: a role the table does not list is refused before the request is read; a role it
 * lists is never refused for its role (the method may still say the request is wrong, or the area
 * not the caller's). The calls are generated from the protos, with the count printed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import {
  DEV_SIGNING_KEY,
  issueToken,
  loadProto,
  ROLES,
  type AccessTable,
  type Caller,
  type Role,
} from '@truyvet/grpc';
import { PERSON_READS_ACCESS, PERSON_READS_SERVICE } from '@truyvet/service';
import { startAllServices, type AllServices } from '../../scripts/scenario/all-services';
import type { ServicePorts } from '../../scripts/scenario/clients';
import { callRaw, NOT_SENT } from '../harness/raw-call';
import { PROTOS, SERVED } from '../harness/served';

/** Each service's own, and what its host serves with them (the read audit). */
const served = (port: keyof ServicePorts, services: readonly string[], access: AccessTable) => ({
  port,
  services: [...services, PERSON_READS_SERVICE],
  access: { ...access, ...PERSON_READS_ACCESS },
});
const SERVED_WITH_AUDIT = SERVED.map(({ port, services, access }) => served(port, services, access));
const PROTOS_WITH_AUDIT = [...PROTOS, 'truyvet/audit/v1/audit.proto'] as const;

/** A caller of each role in an area its role works at (all in Cần Thơ, 92). */
function callerOf(role: Role): Caller {
  const jurisdiction =
    role === 'ward_team'
      ? { level: 'ward' as const, code: '31117' }
      : role === 'district_center'
        ? { level: 'district' as const, code: '916' }
        : { level: 'city' as const, code: '92' };
  return { sub: `access-${role}`, role, jurisdiction };
}

const refusedForRole = (details: string): boolean => /^role \w+ may not call /.test(details);

describe('who may call what (every method, every role)', () => {
  let services: AllServices;
  const definition = loadProto(...PROTOS_WITH_AUDIT);

  beforeAll(async () => {
    services = await startAllServices({
      mode: 'embedded',
      ports: { samples: 0, lab: 0, cases: 0, reports: 0 },
      logLevel: 'fatal',
    });
  }, 60_000);

  afterAll(async () => {
    await services.stop();
  });

  it('has an entry for every method the services serve, and none for a method that does not exist', () => {
    for (const { services: names, access } of SERVED_WITH_AUDIT) {
      const served = names.flatMap((name) =>
        Object.values(definition[name] as grpc.ServiceDefinition).map((m) => m.path),
      );
      expect(Object.keys(access).sort()).toEqual(served.sort());
    }
  });

  it('refuses every role the table does not list, before reading the request; never one it lists', async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const { port, services: names, access } of SERVED_WITH_AUDIT) {
      const client = new grpc.Client(`127.0.0.1:${services.ports[port]}`, grpc.credentials.createInsecure());
      try {
        for (const role of ROLES) {
          const metadata = new grpc.Metadata();
          metadata.set('authorization', `Bearer ${await issueToken(DEV_SIGNING_KEY, callerOf(role))}`);
          for (const name of names) {
            for (const method of Object.values(definition[name] as grpc.ServiceDefinition)) {
              const allowed = access[method.path]?.roles.includes(role) ?? false;
              const answer = await callRaw(client, method, {}, metadata, false);
              calls++;
              if (answer.code === NOT_SENT) wrong.push(`${method.path} as ${role}: not sent`);
              const refused = answer.code === grpc.status.PERMISSION_DENIED && refusedForRole(answer.details);
              if (allowed && refused)
                wrong.push(`${method.path} as ${role}: refused, but the table lets it in`);
              if (!allowed && !refused)
                wrong.push(
                  `${method.path} as ${role}: ${grpc.status[answer.code]} (${answer.details}), not refused`,
                );
            }
          }
        }
      } finally {
        client.close();
      }
    }
    process.stderr.write(
      `  [access] ${calls} calls: every method of the four services × ${ROLES.length} roles\n`,
    );
    expect(wrong).toEqual([]);
  }, 120_000);
});
