/**
 * What the generated suites call: each service's gRPC services with its access table, the protos
 * their requests come from, and a caller of a role in an area.
 */
import type { AccessTable, Caller, Role } from '@truyvet/grpc';
import { CASE_GRAPH_ACCESS, SERVICES as caseServices } from '@truyvet/case-graph';
import { LAB_ACCESS, SERVICES as labServices } from '@truyvet/lab-results';
import { REPORTING_ACCESS, SERVICES as reportServices } from '@truyvet/reporting';
import { SAMPLE_COLLECTION_ACCESS, SERVICES as sampleServices } from '@truyvet/sample-collection';
import type { ServicePorts } from '../../scripts/scenario/clients';

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
