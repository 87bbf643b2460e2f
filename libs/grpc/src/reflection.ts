import type * as grpc from '@grpc/grpc-js';
import type * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { loadProto } from './proto';
import {
  FileDescriptorProto,
  type IDescriptorProto,
  type IFieldDescriptorProto,
  type IFileDescriptorProto,
} from 'protobufjs/ext/descriptor';

type Named = { name?: string | null };

/** The union of two lists of named descriptors (first one wins on a name). */
function union<T extends Named>(a: T[] | undefined, b: T[] | undefined): T[] {
  const byName = new Map<string | null | undefined, T>();
  for (const item of [...(a ?? []), ...(b ?? [])]) if (!byName.has(item.name)) byName.set(item.name, item);
  return [...byName.values()];
}

/**
 * proto-loader names descriptor files by package (`truyvet_testing_v1.proto`) and each load holds
 * only the types it needed: two services loaded apart may bring two different `google_protobuf.proto`.
 * Merges same-named files into one holding every type.
 */
function mergeByName(files: IFileDescriptorProto[]): IFileDescriptorProto[] {
  const merged = new Map<string, IFileDescriptorProto>();
  for (const file of files) {
    const name = file.name ?? '';
    const seen = merged.get(name);
    if (!seen) {
      merged.set(name, file);
      continue;
    }
    seen.messageType = union(seen.messageType, file.messageType);
    seen.enumType = union(seen.enumType, file.enumType);
    seen.service = union(seen.service, file.service);
    seen.extension = union(seen.extension, file.extension);
  }
  return [...merged.values()];
}

/**
 * proto-loader leaves `FileDescriptorProto.dependency` empty (grpc/grpc-node#2595), so a strict
 * reflection client (grpcurl) cannot resolve a type that comes from another file. Fills it in
 * from the type references of each file.
 */
function linkDependencies(files: IFileDescriptorProto[]): void {
  const definedIn = new Map<string, string>();
  const defineMessages = (file: string, scope: string, messages: IDescriptorProto[] | undefined) => {
    for (const message of messages ?? []) {
      const fullName = `${scope}.${message.name ?? ''}`;
      definedIn.set(fullName, file);
      for (const e of message.enumType ?? []) definedIn.set(`${fullName}.${e.name ?? ''}`, file);
      defineMessages(file, fullName, message.nestedType);
    }
  };
  for (const file of files) {
    const scope = file.package ? `.${file.package}` : '';
    defineMessages(file.name ?? '', scope, file.messageType);
    for (const e of file.enumType ?? []) definedIn.set(`${scope}.${e.name ?? ''}`, file.name ?? '');
  }

  /** Resolves a type reference the protobuf way: absolute, or relative to each enclosing scope in turn. */
  const resolve = (reference: string, scope: string): string | undefined => {
    if (reference.startsWith('.')) return definedIn.get(reference);
    for (let outer = scope; ; outer = outer.slice(0, Math.max(0, outer.lastIndexOf('.')))) {
      const file = definedIn.get(`${outer}.${reference}`);
      if (file !== undefined || outer === '') return file;
    }
  };

  for (const file of files) {
    const dependencies = new Set<string>((file.dependency as string[] | undefined) ?? []);
    const refer = (reference: string | null | undefined, scope: string) => {
      const other = reference ? resolve(reference, scope) : undefined;
      if (other !== undefined && other !== file.name) dependencies.add(other);
    };
    const referFields = (fields: IFieldDescriptorProto[] | undefined, scope: string) => {
      for (const field of fields ?? []) {
        refer(field.typeName, scope);
        refer(field.extendee, scope);
      }
    };
    const referMessages = (messages: IDescriptorProto[] | undefined, scope: string) => {
      for (const message of messages ?? []) {
        const fullName = `${scope}.${message.name ?? ''}`;
        referFields(message.field, fullName);
        referFields(message.extension, fullName);
        referMessages(message.nestedType, fullName);
      }
    };
    const scope = file.package ? `.${file.package}` : '';
    referMessages(file.messageType, scope);
    referFields(file.extension, scope);
    for (const service of file.service ?? []) {
      for (const method of service.method ?? []) {
        refer(method.inputType, `${scope}.${service.name ?? ''}`);
        refer(method.outputType, `${scope}.${service.name ?? ''}`);
      }
    }
    file.dependency = [...dependencies].sort();
  }
}

/**
 * The file descriptors of `definitions` (services loaded with proto-loader, whose methods keep
 * them), merged by file name and linked. `missing` lists the indexes of definitions without any.
 */
export function linkedDescriptors(
  definitions: readonly grpc.ServiceDefinition[],
  extraFiles: readonly Buffer[] = [],
): {
  files: IFileDescriptorProto[];
  missing: number[];
  /** One of the message definitions the descriptors came from. */
  sample: protoLoader.MessageTypeDefinition<object, object> | undefined;
} {
  const buffers: Buffer[] = [...extraFiles];
  const missing: number[] = [];
  let sample: protoLoader.MessageTypeDefinition<object, object> | undefined;
  definitions.forEach((definition, i) => {
    const method = Object.values(definition)[0] as
      Partial<protoLoader.MethodDefinition<object, object>> | undefined;
    const requestType = method?.requestType;
    if (requestType?.fileDescriptorProtos) {
      sample ??= requestType;
      buffers.push(...requestType.fileDescriptorProtos);
    } else {
      missing.push(i);
    }
  });
  const files = mergeByName(
    buffers.map((bytes) => FileDescriptorProto.decode(bytes) as IFileDescriptorProto),
  );
  linkDependencies(files);
  for (const file of files) for (const message of file.messageType ?? []) nameMapEntries(message);
  return { files, missing, sample };
}

/**
 * protobufjs names a map field's implicit entry type after the field (`Statuses`); protoc, and
 * clients that check descriptors (grpcurl), require `<Field>Entry` (`StatusesEntry`).
 */
export function nameMapEntries(message: IDescriptorProto): void {
  for (const nested of message.nestedType ?? []) {
    if (nested.options?.mapEntry) {
      const field = (message.field ?? []).find(
        (f) => f.typeName === nested.name || f.typeName?.endsWith(`.${nested.name ?? ''}`),
      );
      const entryName = `${nested.name ?? ''}Entry`;
      if (field && !nested.name?.endsWith('Entry')) {
        field.typeName = field.typeName?.replace(new RegExp(`${nested.name ?? ''}$`), entryName) ?? entryName;
        nested.name = entryName;
      }
    }
    nameMapEntries(nested);
  }
}

/**
 * Serves grpc.reflection (v1 and v1alpha) for `definitions`, listing `services` (their names, in
 * the same order). Returns the services left out for want of descriptors.
 */
export function addReflection(
  server: grpc.Server,
  definitions: readonly grpc.ServiceDefinition[],
  services: readonly string[],
): { missing: string[] } {
  const { files, missing, sample } = linkedDescriptors(definitions, statusDetailFiles());
  const left = missing.map((i) => services[i] ?? String(i));
  if (!sample) return { missing: left };
  const fileDescriptorProtos = files.map((file) => Buffer.from(FileDescriptorProto.encode(file).finish()));
  // @grpc/reflection reads only `fileDescriptorProtos` from the package definition's entries.
  const descriptors: protoLoader.PackageDefinition = {
    'truyvet.reflection': { ...sample, fileDescriptorProtos },
  };
  new ReflectionService(descriptors, { services: [...services] }).addToServer(server);
  return { missing: left };
}

let statusDetails: readonly Buffer[] | undefined;

/**
 * The files of google.rpc.Status and its details (BadRequest...), served by every server: a
 * failed call carries them in `grpc-status-details-bin`, and a reflection client (grpcurl) can
 * show a service's field errors only if it can find their types, whether or not the service's
 * own protos import them.
 */
export function statusDetailFiles(): readonly Buffer[] {
  statusDetails ??= (() => {
    const loaded = loadProto('google/rpc/status.proto', 'google/rpc/error_details.proto');
    const of = (name: string): Buffer[] =>
      (loaded[name] as { fileDescriptorProtos?: Buffer[] } | undefined)?.fileDescriptorProtos ?? [];
    return [...of('google.rpc.Status'), ...of('google.rpc.BadRequest')];
  })();
  return statusDetails;
}
