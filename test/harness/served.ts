/**
 * What the generated suites call: each service's gRPC services with its access table, the protos
 * their requests come from, and a caller of a role in an area.
 */
import * as grpc from '@grpc/grpc-js';
import type * as protoLoader from '@grpc/proto-loader';
import type { AccessTable, Caller, Role } from '@truyvet/grpc';
import { CASE_GRAPH_ACCESS, SERVICES as caseServices } from '@truyvet/case-graph';
import { LAB_ACCESS, SERVICES as labServices } from '@truyvet/lab-results';
import { REPORTING_ACCESS, SERVICES as reportServices } from '@truyvet/reporting';
import { SAMPLE_COLLECTION_ACCESS, SERVICES as sampleServices } from '@truyvet/sample-collection';
import type { ServicePorts } from '../../scripts/scenario/clients';
import { requestTypeOf, type MessageDescriptor } from './proto-requests';

export const SERVED: ReadonlyArray<{
  port: keyof ServicePorts;
  services: readonly string[];
  access: AccessTable;
}> = [
  { port: 'samples', services: sampleServices, access: SAMPLE_COLLECTION_ACCESS },
  { port: 'lab', services: labServices, access: LAB_ACCESS },
  { port: 'cases', services: caseServices, access: CASE_GRAPH_ACCESS },
  { port: 'reports', services: reportServices, access: REPORTING_ACCESS },
];

export const PROTOS = [
  'truyvet/samples/v1/persons.proto',
  'truyvet/samples/v1/samples.proto',
  'truyvet/lab/v1/lab.proto',
  'truyvet/cases/v1/cases.proto',
  'truyvet/reports/v1/reports.proto',
] as const;

export interface Area {
  ward: string;
  district: string;
}

/** A caller of a role at the level its role works at: a ward team its ward, a center its district. */
export function callerIn(role: Role, area: Area, prefix: string): Caller {
  const jurisdiction =
    role === 'ward_team'
      ? { level: 'ward' as const, code: area.ward }
      : role === 'district_center'
        ? { level: 'district' as const, code: area.district }
        : { level: 'city' as const, code: '92' };
  return { sub: `${prefix}-${role}-${jurisdiction.code}`, role, jurisdiction };
}

export interface ServedMethod {
  client: grpc.Client;
  method: grpc.MethodDefinition<unknown, unknown>;
  descriptor: MessageDescriptor;
  /** The proto package the method's types are looked up in. */
  scope: string;
  access: AccessTable;
}

/** Visits every method of the four services that has a request type, with a client of its service. */
export async function forEachMethod(
  definition: protoLoader.PackageDefinition,
  ports: ServicePorts,
  visit: (served: ServedMethod) => Promise<void>,
): Promise<void> {
  for (const { port, services, access } of SERVED) {
    const client = new grpc.Client(`127.0.0.1:${ports[port]}`, grpc.credentials.createInsecure());
    try {
      for (const serviceName of services) {
        const scope = serviceName.split('.').slice(0, -1).join('.');
        for (const method of Object.values(definition[serviceName] as grpc.ServiceDefinition)) {
          const descriptor = requestTypeOf(method);
          if (descriptor) await visit({ client, method, descriptor, scope, access });
        }
      }
    } finally {
      client.close();
    }
  }
}
