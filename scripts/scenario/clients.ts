/**
 * gRPC clients of the four services, one set per caller (a district center, the CDC lab, a ward's
 * tracing team, the steering committee), as the people who use them would hold them.
 */
import { createClient, DEV_SIGNING_KEY, issueToken, loadGrpcObject, type Caller } from '@truyvet/grpc';
import type { CasesProto } from '@truyvet/grpc/cases';
import type { LabProto } from '@truyvet/grpc/lab';
import type { PersonsProto, SamplesProto } from '@truyvet/grpc/samples';
import type { ReportsProto } from '@truyvet/grpc/reports';

export interface ServicePorts {
  samples: number;
  lab: number;
  cases: number;
  reports: number;
}

const protos = {
  persons: loadGrpcObject<PersonsProto>('truyvet/samples/v1/persons.proto').truyvet.samples.v1,
  samples: loadGrpcObject<SamplesProto>('truyvet/samples/v1/samples.proto').truyvet.samples.v1,
  lab: loadGrpcObject<LabProto>('truyvet/lab/v1/lab.proto').truyvet.lab.v1,
  cases: loadGrpcObject<CasesProto>('truyvet/cases/v1/cases.proto').truyvet.cases.v1,
  reports: loadGrpcObject<ReportsProto>('truyvet/reports/v1/reports.proto').truyvet.reports.v1,
};

export async function clientsFor(
  caller: Caller,
  ports: ServicePorts,
  host = '127.0.0.1',
  key = DEV_SIGNING_KEY,
) {
  const token = await issueToken(key, caller, 6 * 3600);
  const at = (port: number) => `${host}:${port}`;
  const clients = {
    registry: createClient(protos.persons.PersonRegistry, at(ports.samples), { token }),
    collection: createClient(protos.samples.SampleCollection, at(ports.samples), { token }),
    shipments: createClient(protos.samples.Shipments, at(ports.samples), { token }),
    worklists: createClient(protos.samples.Worklists, at(ports.samples), { token }),
    accessioning: createClient(protos.lab.Accessioning, at(ports.lab), { token }),
    results: createClient(protos.lab.Results, at(ports.lab), { token }),
    cases: createClient(protos.cases.Cases, at(ports.cases), { token }),
    contacts: createClient(protos.cases.Contacts, at(ports.cases), { token }),
    isolation: createClient(protos.cases.Isolation, at(ports.cases), { token }),
    tracing: createClient(protos.cases.Tracing, at(ports.cases), { token }),
    reports: createClient(protos.reports.Reports, at(ports.reports), { token }),
  };
  return {
    ...clients,
    close: () => {
      for (const client of Object.values(clients)) client.close();
    },
  };
}

export type Clients = Awaited<ReturnType<typeof clientsFor>>;
