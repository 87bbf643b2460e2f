/**
 * Requests made from the protos' descriptors alone, field by field, for the generated suites that
 * call every method (the fuzz, the area matrix): a subclass says what value a field of each kind
 * gets; the walk through nested messages, lists and enums is here.
 */
import type * as protoLoader from '@grpc/proto-loader';

export interface ProtoField {
  name: string;
  type: string;
  typeName: string;
  label: string;
}
export interface MessageDescriptor {
  field: ProtoField[];
  options?: { mapEntry?: boolean } | null;
}
interface EnumDescriptor {
  value: Array<{ name: string }>;
}

export const camel = (name: string): string =>
  name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The request type of a method of the definition, if it has one. */
export function requestTypeOf(method: unknown): MessageDescriptor | undefined {
  return (method as { requestType?: { type?: MessageDescriptor } }).requestType?.type;
}

export abstract class RequestBuilder {
  constructor(protected readonly definition: protoLoader.PackageDefinition) {}

  private lookup<T>(typeName: string, scope: string, has: (found: T) => boolean): T | undefined {
    const candidates = typeName.startsWith('.') ? [typeName.slice(1)] : [`${scope}.${typeName}`, typeName];
    for (const name of candidates) {
      const found = (this.definition[name] as { type?: T } | undefined)?.type;
      if (found && has(found)) return found;
    }
    return undefined;
  }

  /** A value for a scalar field (string, number, bool) named `name` (camelCase), or undefined to leave it out. */
  protected abstract scalar(field: ProtoField, name: string): unknown;
  /** Which of an enum's value names to take. */
  protected abstract enumValue(names: readonly string[], name: string): string | undefined;
  /** How many items a repeated field gets. */
  protected abstract listLength(name: string): number;
  /** Whether to leave a field out of the request. */
  protected abstract leaveOut(name: string): boolean;

  value(field: ProtoField, scope: string, depth: number): unknown {
    const name = camel(field.name);
    const one = (): unknown => {
      switch (field.type) {
        case 'TYPE_ENUM': {
          const values = this.lookup<EnumDescriptor>(field.typeName, scope, (e) => Array.isArray(e.value));
          return values
            ? this.enumValue(
                values.value.map((v) => v.name),
                name,
              )
            : undefined;
        }
        case 'TYPE_MESSAGE': {
          const nested = this.lookup<MessageDescriptor>(field.typeName, scope, (d) => Array.isArray(d.field));
          if (!nested || nested.options?.mapEntry || depth > 3) return undefined;
          return this.request(nested, scope, depth + 1);
        }
        default:
          return this.scalar(field, name);
      }
    };
    if (field.label !== 'LABEL_REPEATED') return one();
    return Array.from({ length: this.listLength(name) }, one).filter((v) => v !== undefined);
  }

  request(descriptor: MessageDescriptor, scope: string, depth = 0): Record<string, unknown> {
    const message: Record<string, unknown> = {};
    for (const field of descriptor.field) {
      const name = camel(field.name);
      if (this.leaveOut(name)) continue;
      const value = this.value(field, scope, depth);
      if (value !== undefined) message[name] = value;
    }
    return message;
  }
}
