import { describe, expect, it } from '@jest/globals';
import type * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { loadGrpcObject } from './proto';
import { linkedDescriptors, nameMapEntries, statusDetailFiles } from './reflection';
import type { ProtoGrpcType } from './generated/registry';

type Loaded = { truyvet: { testing: { v1: { PersonRegistry: { service: grpc.ServiceDefinition } } } } };

describe('linkedDescriptors', () => {
  it('declares the dependencies proto-loader leaves out, and merges same-named files of separate loads', () => {
    const alone = loadGrpcObject<ProtoGrpcType>('truyvet/testing/v1/registry.proto');
    // google.rpc.Status is only in this second load: its google_rpc.proto holds more than the first one's.
    const withStatus = loadGrpcObject<Loaded>('truyvet/testing/v1/registry.proto', 'google/rpc/status.proto');
    const { files, missing } = linkedDescriptors([
      alone.truyvet.testing.v1.PersonRegistry.service,
      withStatus.truyvet.testing.v1.PersonRegistry.service,
      healthService,
    ]);
    expect(missing).toEqual([]);
    const byPackage = new Map(files.map((file) => [file.package, file]));
    const rpc = byPackage.get('google.rpc');
    const registry = byPackage.get('truyvet.testing.v1');
    expect(rpc?.messageType?.map((m) => m.name).sort()).toEqual(['BadRequest', 'Status']);
    expect(registry?.dependency).toEqual([rpc?.name]);
    expect(rpc?.dependency).toEqual([byPackage.get('google.protobuf')?.name]); // Status uses google.protobuf.Any
    expect(byPackage.get('grpc.health.v1')?.dependency).toEqual([]);
  });

  it("serves the types of a failure's details with every service, also one whose protos do not import them", () => {
    type Reports = { truyvet: { reports: { v1: { Reports: { service: grpc.ServiceDefinition } } } } };
    const reports = loadGrpcObject<Reports>('truyvet/reports/v1/reports.proto').truyvet.reports.v1.Reports;
    const names = (files: ReturnType<typeof linkedDescriptors>['files']) =>
      files.flatMap((f) => (f.messageType ?? []).map((m) => `${f.package ?? ''}.${m.name ?? ''}`));
    expect(names(linkedDescriptors([reports.service]).files)).not.toContain('google.rpc.BadRequest');
    const served = names(linkedDescriptors([reports.service], statusDetailFiles()).files);
    expect(served).toEqual(expect.arrayContaining(['google.rpc.BadRequest', 'google.rpc.Status']));
  });

  it('reports definitions without descriptors', () => {
    const handMade = { Ping: { path: '/x.v1.P/Ping' } } as unknown as grpc.ServiceDefinition;
    expect(linkedDescriptors([handMade]).missing).toEqual([0]);
  });
});

describe('map entry names', () => {
  it('names implicit map entries <Field>Entry, as protoc does and grpcurl requires', () => {
    const message = {
      name: 'HealthListResponse',
      field: [{ name: 'statuses', number: 1, typeName: 'Statuses' }],
      nestedType: [{ name: 'Statuses', options: { mapEntry: true } }],
    };
    nameMapEntries(message);
    expect(message.nestedType[0]?.name).toBe('StatusesEntry');
    expect(message.field[0]?.typeName).toBe('StatusesEntry');
  });
});
