import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** The repository's `protos/` folder: the one include directory every `.proto` import resolves against. */
export const PROTOS_DIR = path.resolve(__dirname, '../../../protos');

/**
 * The one set of proto-loader options, used to load every proto at run time and (through
 * `src/tools/typegen.ts`, `npm run proto:gen`) to generate the message types, so generated types
 * and run-time objects always agree: camelCase fields, 64-bit ints as strings, enums as their
 * names, every field present (defaults), and a virtual field naming the set member of each oneof.
 */
export const PROTO_LOADER_OPTIONS: Readonly<protoLoader.Options> = Object.freeze({
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTOS_DIR],
});

/**
 * Loads a package definition from one or more protos, named relative to `protos/`
 * (e.g. `truyvet/registry/v1/registry.proto`).
 */
export function loadProto(...protoPaths: [string, ...string[]]): protoLoader.PackageDefinition {
  return protoLoader.loadSync(protoPaths, PROTO_LOADER_OPTIONS);
}

/**
 * Loads protos as a gRPC object tree, typed with the generated root type of the proto
 * (`ProtoGrpcType` from `src/generated/<file>.ts`), e.g.
 * `loadGrpcObject<ProtoGrpcType>('truyvet/testing/v1/registry.proto').truyvet.testing.v1.PersonRegistry`.
 * The type parameter is trusted: pass the root type generated from the same file.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the type comes from typegen, not from the argument
export function loadGrpcObject<T>(...protoPaths: [string, ...string[]]): T {
  return grpc.loadPackageDefinition(loadProto(...protoPaths)) as unknown as T;
}
