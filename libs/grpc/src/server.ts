import { DomainError } from '@truyvet/errors';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as grpc from '@grpc/grpc-js';
import { withLogContext, type Logger } from '@truyvet/log';
import { HealthImplementation, service as healthService, type ServingStatus } from 'grpc-health-check';
import { requireAccess, type AccessTable } from './access';
import { authenticate, type Jurisdiction, type VerifyingKey } from './auth';
import type { CallContext, MethodHandler } from './handlers';
import {
  accessKindOf,
  peopleNamedIn,
  peopleNamedInText,
  readNotRecorded,
  reasonOf,
  type PersonReadTrail,
} from './person-reads';
import { addReflection } from './reflection';
import { CORRELATION_ID_KEY, toGrpcFailure, type GrpcFailure } from './status';

export interface GrpcServerOptions {
  logger: Logger;
  /**
   * Verifies the bearer token of every call (health and reflection need none). `servesArea` says
   * whether a token's jurisdiction is one of this deployment's (a token naming another city, or a
   * district or ward the city does not have, is refused with PERMISSION_DENIED).
   */
  auth: { key: VerifyingKey; servesArea?: (jurisdiction: Jurisdiction) => boolean };
  /**
   * Who may call each method (see ./access). When given, a service with a method missing from it
   * cannot be added, and a caller whose role it does not list is refused before the request is read.
   */
  access?: AccessTable;
  /**
   * Where the reads of people are recorded: an answer that names people (./person-reads) waits
   * until its read is in, and is not shown when it cannot be recorded.
   */
  audit: PersonReadTrail;
  /** Default: insecure (plaintext), for local use and behind a TLS-terminating proxy. */
  credentials?: grpc.ServerCredentials;
  /**
   * Also serve the health checking protocol alone, in plaintext, on this port (on the same host):
   * for probes that cannot speak TLS (the kubelet's). It carries no data but SERVING/NOT_SERVING.
   */
  healthPort?: number;
  /**
   * The most items one client stream may send (default 10,000). The stream is held whole before
   * its handler runs: a longer one fails with RESOURCE_EXHAUSTED and nothing of it is taken.
   */
  maxStreamItems?: number;
  /**
   * The largest answer (one message) sent, in bytes (default 4 MiB, what a gRPC client takes by
   * default). A larger one is refused with RESOURCE_EXHAUSTED saying so, instead of reaching the
   * client as its own cryptic error.
   */
  maxAnswerBytes?: number;
  /** The most a client stream may hold in all, in bytes of its rows as JSON (default 64 MiB). */
  maxStreamBytes?: number;
  /** grpc-js server options (message size limits, keepalive...). */
  serverOptions?: grpc.ServerOptions;
  /** Serve grpc.reflection (v1 and v1alpha) so `grpcurl -plaintext host:port list` works. Default: true. */
  reflection?: boolean;
}

type ResponseOf<M> = M extends { responseSerialize: (value: infer Res) => Buffer } ? Res : never;

/**
 * One handler per method of the service, keyed by the proto method name (`RegisterPerson`), made
 * with `unary`, `clientStream` or `serverStream`. With a generated service definition the keys and
 * response types are checked.
 */
export type ServiceHandlers<D extends grpc.ServiceDefinition> = {
  [K in keyof D as string extends K ? never : K]: MethodHandler<ResponseOf<D[K]>>;
};

export interface GrpcServer {
  /** Registers a service (before `start`): its health status and reflection come with it. */
  addService<D extends grpc.ServiceDefinition>(definition: D, handlers: ServiceHandlers<D>): GrpcServer;
  /** Binds and serves; resolves to the bound port (port 0 picks a free one). */
  start(host?: string, port?: number): Promise<number>;
  /**
   * Health goes NOT_SERVING, then the server finishes calls in flight for up to `graceMs` and
   * cancels what is left. Idempotent.
   */
  stop(graceMs?: number): Promise<void>;
  /** Reports a health status for one registered service, or for the whole server (''). */
  setServingStatus(status: Exclude<ServingStatus, 'UNKNOWN'>, service?: string): void;
  /** Fully qualified names of the registered services. */
  readonly services: readonly string[];
  /** The underlying grpc-js server, for what this wrapper does not cover. */
  readonly grpcServer: grpc.Server;
  /** The plaintext health-only port, once started (when `healthPort` was given). */
  readonly healthPort: number | undefined;
}

type MethodKind = MethodHandler<unknown>['kind'] | 'bidiStream';

function kindOf(method: grpc.MethodDefinition<unknown, unknown>): MethodKind {
  if (method.requestStream) return method.responseStream ? 'bidiStream' : 'clientStream';
  return method.responseStream ? 'serverStream' : 'unary';
}

/** `/pkg.Service/Method` -> `pkg.Service` */
function serviceNameOf(path: string): string {
  return path.split('/')[1] ?? path;
}

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/** The caller's correlation id when it is sane (it ends up in logs), a new one otherwise. */
function correlationIdOf(metadata: grpc.Metadata): string {
  const [given] = metadata.get(CORRELATION_ID_KEY);
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
}

function deadlineOf(deadline: grpc.Deadline): Date | undefined {
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

function correlationMetadata(correlationId: string): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set(CORRELATION_ID_KEY, correlationId);
  return metadata;
}

/** What a call's handler was given, once it was: a failed change names these people. */
interface Handed {
  requests?: readonly unknown[];
}

/** What every kind of server call has in common. */
interface AnyServerCall {
  readonly metadata: grpc.Metadata;
  getDeadline(): grpc.Deadline;
  sendMetadata(metadata: grpc.Metadata): void;
  on(event: 'cancelled', listener: () => void): unknown;
  removeListener(event: 'cancelled', listener: () => void): unknown;
}

/**
 * A client stream read to its end before the handler sees a row, so that one longer than `max`
 * items is refused before any of it is worked on (not halfway, with its first rows taken). The
 * cap bounds what is held; imports send a few hundred rows a stream.
 */
async function heldWhole(items: AsyncIterable<unknown>, max: number, maxBytes: number): Promise<unknown[]> {
  const held: unknown[] = [];
  let bytes = 0;
  for await (const item of items) {
    if (held.length >= max)
      throw new DomainError(
        'TOO_MANY_ITEMS',
        'exhausted',
        `a stream takes at most ${String(max)} items: nothing of it was taken; send it in calls of at most that many`,
      );
    // What is held is bounded in bytes too (rows of the largest message size would not be).
    bytes += JSON.stringify(item).length;
    if (bytes > maxBytes)
      throw new DomainError(
        'STREAM_TOO_LARGE',
        'exhausted',
        `a stream takes at most ${String(Math.round(maxBytes / 1024 / 1024))} MiB: nothing of it was taken; send it in smaller calls`,
      );
    held.push(item);
  }
  return held;
}

/** The rows held, handed to the handler as the stream it expects. */
function each(items: readonly unknown[]): AsyncIterable<unknown> {
  return {
    [Symbol.asyncIterator]: () => {
      let next = 0;
      return {
        next: () =>
          Promise.resolve(
            next < items.length ? { value: items[next++], done: false } : { value: undefined, done: true },
          ),
      };
    },
  };
}

export function createGrpcServer(options: GrpcServerOptions): GrpcServer {
  const { logger } = options;
  const server = new grpc.Server(options.serverOptions);
  const health = new HealthImplementation({ '': 'NOT_SERVING' });
  const healthOnly = options.healthPort === undefined ? undefined : new grpc.Server();
  let boundHealthPort: number | undefined;
  const maxStreamItems = options.maxStreamItems ?? 10_000;
  const maxAnswerBytes = options.maxAnswerBytes ?? 4 * 1024 * 1024;
  const maxStreamBytes = options.maxStreamBytes ?? 64 * 1024 * 1024;

  /** Refuses an answer larger than a client takes, before it is recorded or sent. */
  function requireFits(method: grpc.MethodDefinition<unknown, unknown>, answer: unknown): void {
    const size = method.responseSerialize(answer).length;
    if (size <= maxAnswerBytes) return;
    const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    throw new DomainError(
      'ANSWER_TOO_LARGE',
      'exhausted',
      `the answer would be ${mib(size)}, over the ${mib(maxAnswerBytes)} a client takes: ask for less ` +
        '(a smaller limit or period, fewer rows a stream)',
    );
  }
  const registered: { name: string; definition: grpc.ServiceDefinition }[] = [];
  let state: 'new' | 'starting' | 'started' | 'stopping' = 'new';
  let stopping: Promise<void> | undefined;

  /** Runs one call: correlation id, auth, log context, cancellation, error mapping, the call's log line. */
  async function run(
    method: string,
    call: AnyServerCall,
    body: (ctx: CallContext, handed: Handed) => Promise<void>,
    fail: (failure: GrpcFailure) => void,
  ): Promise<void> {
    const handed: Handed = {};
    const startedAt = performance.now();
    const correlationId = correlationIdOf(call.metadata);
    const deadline = deadlineOf(call.getDeadline());
    const controller = new AbortController();
    const onCancel = () => {
      controller.abort(new Error('call cancelled by the client or the server shutting down'));
    };
    call.on('cancelled', onCancel);
    const timer = deadline
      ? setTimeout(
          () => {
            controller.abort(new Error('deadline exceeded'));
          },
          Math.max(0, deadline.getTime() - Date.now()),
        )
      : undefined;
    timer?.unref();
    call.sendMetadata(correlationMetadata(correlationId));

    await withLogContext({ correlationId, method }, async () => {
      let caller: CallContext['caller'] | undefined;
      const finished = (fields: Record<string, unknown>) => ({
        ...fields,
        caller: caller?.sub,
        role: caller?.role,
        durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
      });
      const logCancelled = () => {
        const { reason } = controller.signal as { reason: unknown };
        logger.warn(
          finished({ status: 'CANCELLED', reason: reason instanceof Error ? reason.message : reason }),
          'grpc call',
        );
      };
      try {
        caller = await authenticate(options.auth.key, call.metadata);
        if (options.auth.servesArea && !options.auth.servesArea(caller.jurisdiction))
          throw new DomainError(
            'AREA_NOT_SERVED',
            'forbidden',
            `this deployment does not serve ${caller.jurisdiction.level} ${caller.jurisdiction.code}`,
          );
        if (options.access) requireAccess(options.access, method, caller);
        await body(
          {
            caller,
            correlationId,
            method,
            logger: logger.child({ caller: caller.sub }),
            metadata: call.metadata,
            deadline,
            signal: controller.signal,
          },
          handed,
        );
        if (controller.signal.aborted) logCancelled();
        else logger.info(finished({ status: 'OK' }), 'grpc call');
      } catch (error) {
        if (controller.signal.aborted) {
          logCancelled(); // nobody is listening any more: no status to send
          return;
        }
        let failure = toGrpcFailure(error, correlationId);
        // An error that names people (a duplicate found, a merge pointed to) is a read of them too;
        // a change that failed once its handler had the request may have written part of it (an
        // import's first batches): its people are recorded as a change, with how it ended.
        const named = caller ? peopleNamedInText(failure.details) : [];
        const attempted =
          handed.requests && accessKindOf(method) === 'change'
            ? handed.requests.flatMap((r) => peopleNamedIn(r))
            : [];
        const people = [...new Set([...attempted, ...named])];
        if (caller && people.length > 0) {
          try {
            await options.audit.record({
              at: new Date(),
              method,
              kind: attempted.length > 0 ? 'change' : 'read',
              outcome: grpc.status[failure.code],
              caller,
              correlationId,
              reason: reasonOf(call.metadata),
              personIds: people,
            });
          } catch (auditError) {
            logger.error({ err: auditError }, 'a read of people could not be recorded');
            failure = toGrpcFailure(readNotRecorded(auditError), correlationId);
          }
        }
        fail(failure);
        const status = grpc.status[failure.code];
        if (failure.internal) {
          logger.error(finished({ status, err: error }), 'grpc call');
        } else {
          logger.warn(
            finished({
              status,
              errorCode: failure.errorCode,
              error: failure.details,
              // The store or the broker away: what the driver said, for the operators.
              ...(error instanceof DomainError ? {} : { err: error }),
            }),
            'grpc call',
          );
        }
      } finally {
        call.removeListener('cancelled', onCancel);
        clearTimeout(timer);
      }
    });
  }

  /**
   * Records who is shown the people an answer names, or changed those a request named, before the
   * answer is sent (fail closed).
   */
  async function recordAccess(
    answer: unknown,
    ctx: CallContext,
    requests: readonly unknown[],
  ): Promise<void> {
    const kind = accessKindOf(ctx.method);
    const personIds =
      kind === 'change'
        ? [...new Set([...peopleNamedIn(answer), ...requests.flatMap((r) => peopleNamedIn(r))])]
        : peopleNamedIn(answer);
    if (personIds.length === 0) return;
    try {
      await options.audit.record({
        at: new Date(),
        method: ctx.method,
        kind,
        outcome: 'OK',
        caller: ctx.caller,
        correlationId: ctx.correlationId,
        reason: reasonOf(ctx.metadata),
        personIds,
      });
    } catch (error) {
      ctx.logger.error({ err: error }, 'a read of people could not be recorded');
      throw readNotRecorded(error);
    }
  }

  function bind(
    handler: MethodHandler<unknown>,
    definition: grpc.MethodDefinition<unknown, unknown>,
  ): grpc.UntypedHandleCall {
    const method = definition.path;
    switch (handler.kind) {
      case 'unary':
        return (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
          void run(
            method,
            call,
            async (ctx, handed) => {
              handed.requests = [call.request];
              const response = await handler.handle(call.request, ctx);
              requireFits(definition, response);
              await recordAccess(response, ctx, [call.request]);
              callback(null, response, correlationMetadata(ctx.correlationId));
            },
            (failure) => {
              callback(failure);
            },
          );
        };
      case 'clientStream':
        return (call: grpc.ServerReadableStream<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
          void run(
            method,
            call,
            async (ctx, handed) => {
              const rows = await heldWhole(call, maxStreamItems, maxStreamBytes);
              handed.requests = rows;
              const response = await handler.handle(each(rows), ctx);
              requireFits(definition, response);
              await recordAccess(response, ctx, rows);
              callback(null, response, correlationMetadata(ctx.correlationId));
            },
            (failure) => {
              callback(failure);
            },
          );
        };
      case 'serverStream':
        return (call: grpc.ServerWritableStream<unknown, unknown>) => {
          void run(
            method,
            call,
            async (ctx) => {
              for await (const message of handler.handle(call.request, ctx)) {
                if (ctx.signal.aborted) break;
                requireFits(definition, message);
                await recordAccess(message, ctx, [call.request]);
                if (!call.write(message)) await once(call, 'drain', { signal: ctx.signal });
              }
              call.end(correlationMetadata(ctx.correlationId));
            },
            (failure) => {
              call.emit('error', failure);
            },
          );
        };
    }
  }

  const api: GrpcServer = {
    addService(definition, handlers) {
      if (state !== 'new') throw new Error('add services before start()');
      const given = handlers as Partial<Record<string, MethodHandler<unknown>>>;
      const implementation: grpc.UntypedServiceImplementation = {};
      const methods = Object.entries(definition as grpc.ServiceDefinition);
      const [first] = methods;
      if (!first) throw new Error('a service needs at least one method');
      const name = serviceNameOf(first[1].path);
      for (const [methodName, method] of methods) {
        const handler = given[methodName];
        const expected = kindOf(method);
        if (!handler) throw new Error(`no handler for ${method.path}`);
        if (options.access && !options.access[method.path])
          throw new Error(`${method.path} has no entry in the access table: say who may call it`);
        if (expected === 'bidiStream')
          throw new Error(`${method.path}: bidirectional streaming is not supported`);
        if (handler.kind !== expected) {
          throw new Error(`${method.path} is ${expected}, but its handler was made with ${handler.kind}()`);
        }
        implementation[methodName] = bind(handler, method as grpc.MethodDefinition<unknown, unknown>);
      }
      const extra = Object.keys(given).filter((key) => !(key in definition));
      if (extra.length > 0) throw new Error(`${name} has no method ${extra.join(', ')}`);
      server.addService(definition, implementation);
      registered.push({ name, definition });
      health.setStatus(name, 'NOT_SERVING');
      return api;
    },

    async start(host = '0.0.0.0', port = 0) {
      if (state !== 'new') throw new Error('the server was already started');
      state = 'starting';
      health.addToServer(server);
      if (healthOnly) {
        health.addToServer(healthOnly);
        const healthAddress = `${host.includes(':') ? `[${host}]` : host}:${String(options.healthPort)}`;
        boundHealthPort = await new Promise<number>((resolve, reject) => {
          healthOnly.bindAsync(healthAddress, grpc.ServerCredentials.createInsecure(), (error, bound) => {
            if (error) reject(error);
            else resolve(bound);
          });
        });
      }
      if (options.reflection ?? true) {
        const { missing } = addReflection(
          server,
          [...registered.map((r) => r.definition), healthService],
          [...api.services, 'grpc.health.v1.Health'],
        );
        if (missing.length > 0)
          logger.warn({ services: missing }, 'no proto descriptors: left out of reflection');
      }
      const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
      const credentials = options.credentials ?? grpc.ServerCredentials.createInsecure();
      const bound = await new Promise<number>((resolve, reject) => {
        server.bindAsync(address, credentials, (error, boundPort) => {
          if (error) reject(error);
          else resolve(boundPort);
        });
      }).catch((error: unknown) => {
        healthOnly?.forceShutdown(); // no health port left answering for a server that never served
        throw error;
      });
      state = 'started';
      for (const { name } of registered) health.setStatus(name, 'SERVING');
      health.setStatus('', 'SERVING');
      logger.info({ address: `${host}:${bound}`, services: api.services }, 'grpc server listening');
      return bound;
    },

    stop(graceMs = 5000) {
      stopping ??= (async () => {
        state = 'stopping';
        for (const { name } of registered) health.setStatus(name, 'NOT_SERVING');
        health.setStatus('', 'NOT_SERVING');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            logger.warn(
              { graceMs },
              'grpc server: calls still running after the grace period, cancelling them',
            );
            server.forceShutdown();
            resolve();
          }, graceMs);
          server.tryShutdown(() => {
            clearTimeout(timer);
            resolve();
          });
        });
        healthOnly?.forceShutdown();
        logger.info('grpc server stopped');
      })();
      return stopping;
    },

    setServingStatus(status, service = '') {
      if (service !== '' && !registered.some((r) => r.name === service)) {
        throw new Error(`no service ${service} is registered`);
      }
      health.setStatus(service, status);
    },

    get services() {
      return registered.map((r) => r.name);
    },

    grpcServer: server,

    get healthPort() {
      return boundHealthPort;
    },
  };

  return api;
}
