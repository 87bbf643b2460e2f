import { once } from 'node:events';
import * as grpc from '@grpc/grpc-js';
import { service as healthService, type ServingStatus } from 'grpc-health-check';
import { CORRELATION_ID_KEY } from './status';

export interface ClientOptions {
  /** Sent as `authorization: Bearer <token>` on every call. */
  token?: string;
  /** Sent as `x-correlation-id` on every call (unless a call sets its own). */
  correlationId?: string;
  /** Default: insecure (plaintext). */
  credentials?: grpc.ChannelCredentials;
  /** grpc-js client options (interceptors given here run after the one adding the metadata). */
  clientOptions?: grpc.ClientOptions;
}

/** The constructor of a generated client, e.g. `proto.truyvet.testing.v1.PersonRegistry`. */
export type ClientConstructor<C extends grpc.Client> = new (
  address: string,
  credentials: grpc.ChannelCredentials,
  options?: grpc.ClientOptions,
) => C;

/**
 * An interceptor adding the token and correlation id to every call's metadata. (CallCredentials
 * would do for the token, but grpc-js refuses them on insecure channels.)
 */
export function metadataInterceptor(
  options: Pick<ClientOptions, 'token' | 'correlationId'>,
): grpc.Interceptor {
  return (callOptions, nextCall) =>
    new grpc.InterceptingCall(nextCall(callOptions), {
      start(metadata, listener, next) {
        if (options.token !== undefined && metadata.get('authorization').length === 0) {
          metadata.set('authorization', `Bearer ${options.token}`);
        }
        if (options.correlationId !== undefined && metadata.get(CORRELATION_ID_KEY).length === 0) {
          metadata.set(CORRELATION_ID_KEY, options.correlationId);
        }
        next(metadata, listener);
      },
    });
}

/** A client for `address` (`host:port`) that sends the token and correlation id with every call. */
export function createClient<C extends grpc.Client>(
  Client: ClientConstructor<C>,
  address: string,
  options: ClientOptions = {},
): C {
  const interceptors = [metadataInterceptor(options), ...(options.clientOptions?.interceptors ?? [])];
  return new Client(address, options.credentials ?? grpc.credentials.createInsecure(), {
    ...options.clientOptions,
    interceptors,
  });
}

/** Per-call options of the helpers below. */
export interface CallOptions {
  /** Extra request metadata (e.g. a per-call `x-correlation-id` or `authorization`). */
  metadata?: grpc.Metadata;
  /** Deadline, in ms from now. */
  deadlineMs?: number;
}

function callArgs(options: CallOptions): [grpc.Metadata, grpc.CallOptions] {
  const callOptions: grpc.CallOptions = {};
  if (options.deadlineMs !== undefined) callOptions.deadline = Date.now() + options.deadlineMs;
  return [options.metadata?.clone() ?? new grpc.Metadata(), callOptions];
}

// Generated clients declare each method with several overloads; these match the last one.
type UnaryTypes<F> = F extends (
  argument: infer Req,
  callback: grpc.requestCallback<infer Res>,
) => grpc.ClientUnaryCall
  ? { request: Req; response: Res }
  : never;
type ServerStreamTypes<F> = F extends (
  argument: infer Req,
  options?: grpc.CallOptions,
) => grpc.ClientReadableStream<infer Res>
  ? { request: Req; response: Res }
  : never;
type ClientStreamTypes<F> = F extends (
  callback: grpc.requestCallback<infer Res>,
) => grpc.ClientWritableStream<infer Req>
  ? { request: Req; response: Res }
  : never;

/** Names of the client's unary methods (e.g. `'RegisterPerson'`). */
export type UnaryMethod<C> = { [K in keyof C]: [UnaryTypes<C[K]>] extends [never] ? never : K }[keyof C];
export type ServerStreamMethod<C> = {
  [K in keyof C]: [ServerStreamTypes<C[K]>] extends [never] ? never : K;
}[keyof C];
export type ClientStreamMethod<C> = {
  [K in keyof C]: [ClientStreamTypes<C[K]>] extends [never] ? never : K;
}[keyof C];

type UnaryFn<Req, Res> = (
  this: unknown,
  argument: Req,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: grpc.requestCallback<Res>,
) => grpc.ClientUnaryCall;
type ServerStreamFn<Req, Res> = (
  this: unknown,
  argument: Req,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
) => grpc.ClientReadableStream<Res>;
type ClientStreamFn<Req, Res> = (
  this: unknown,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: grpc.requestCallback<Res>,
) => grpc.ClientWritableStream<Req>;

/** A unary call as a promise, with the response's initial metadata (where the correlation id comes back). */
export function unaryCallWithMetadata<C extends grpc.Client, K extends UnaryMethod<C>>(
  client: C,
  method: K,
  request: UnaryTypes<C[K]>['request'],
  options: CallOptions = {},
): Promise<{ response: UnaryTypes<C[K]>['response']; metadata: grpc.Metadata }> {
  type T = UnaryTypes<C[K]>;
  const fn = client[method] as UnaryFn<T['request'], T['response']>;
  return new Promise((resolve, reject) => {
    let metadata = new grpc.Metadata();
    const call = fn.call(client, request, ...callArgs(options), (error, response) => {
      if (error) reject(error);
      else resolve({ response, metadata });
    });
    call.on('metadata', (received: grpc.Metadata) => {
      metadata = received;
    });
  });
}

/** A unary call as a promise: `await unaryCall(client, 'RegisterPerson', { fullName: ... })`. */
export async function unaryCall<C extends grpc.Client, K extends UnaryMethod<C>>(
  client: C,
  method: K,
  request: UnaryTypes<C[K]>['request'],
  options: CallOptions = {},
): Promise<UnaryTypes<C[K]>['response']> {
  return (await unaryCallWithMetadata(client, method, request, options)).response;
}

/** A server-streaming call, collected: resolves to every message, rejects with the call's error. */
export async function collectServerStream<C extends grpc.Client, K extends ServerStreamMethod<C>>(
  client: C,
  method: K,
  request: ServerStreamTypes<C[K]>['request'],
  options: CallOptions = {},
): Promise<ServerStreamTypes<C[K]>['response'][]> {
  type T = ServerStreamTypes<C[K]>;
  const fn = client[method] as ServerStreamFn<T['request'], T['response']>;
  const messages: T['response'][] = [];
  for await (const message of fn.call(client, request, ...callArgs(options)))
    messages.push(message as T['response']);
  return messages;
}

/** A client-streaming call fed from an array or (async) iterable, with backpressure; resolves to the response. */
export async function writeClientStream<C extends grpc.Client, K extends ClientStreamMethod<C>>(
  client: C,
  method: K,
  items: Iterable<ClientStreamTypes<C[K]>['request']> | AsyncIterable<ClientStreamTypes<C[K]>['request']>,
  options: CallOptions = {},
): Promise<ClientStreamTypes<C[K]>['response']> {
  type T = ClientStreamTypes<C[K]>;
  const fn = client[method] as ClientStreamFn<T['request'], T['response']>;
  const done = new AbortController();
  let call: grpc.ClientWritableStream<T['request']> | undefined;
  const result = new Promise<T['response']>((resolve, reject) => {
    call = fn.call(client, ...callArgs(options), (error, response) => {
      done.abort();
      if (error) reject(error);
      else resolve(response);
    });
  });
  const stream = call;
  if (!stream) throw new Error('the client did not start the call');
  try {
    for await (const item of items) {
      if (done.signal.aborted) break; // the server already answered (an error): stop sending
      if (!stream.write(item)) await once(stream, 'drain', { signal: done.signal });
    }
  } catch (error) {
    if (!done.signal.aborted) {
      stream.cancel();
      throw error;
    }
  }
  stream.end();
  return result;
}

/**
 * Asks `grpc.health.v1.Health/Check` at `address` about `service` ('' = the whole server).
 * Resolves to the status (`SERVICE_UNKNOWN` when the server does not know the service); rejects
 * with the ServiceError when the server cannot be reached (UNAVAILABLE) or does not answer in time.
 */
export async function checkHealth(
  address: string,
  service = '',
  options: {
    deadlineMs?: number;
    credentials?: grpc.ChannelCredentials;
    channelOptions?: grpc.ChannelOptions;
  } = {},
): Promise<ServingStatus | 'SERVICE_UNKNOWN'> {
  const check = healthService.Check;
  if (!check) throw new Error('grpc-health-check has no Check method');
  const client = new grpc.Client(
    address,
    options.credentials ?? grpc.credentials.createInsecure(),
    options.channelOptions,
  );
  try {
    const response = await new Promise<object>((resolve, reject) => {
      client.makeUnaryRequest(
        check.path,
        check.requestSerialize,
        check.responseDeserialize,
        { service },
        new grpc.Metadata(),
        { deadline: Date.now() + (options.deadlineMs ?? 5000) },
        (error, value) => {
          if (error) reject(error);
          else if (value) resolve(value);
          else reject(new Error('empty health check response'));
        },
      );
    });
    const status = 'status' in response ? response.status : undefined;
    if (status === 'SERVING' || status === 'NOT_SERVING' || status === 'UNKNOWN') return status;
    throw new Error(`unexpected health status ${String(status)}`);
  } catch (error) {
    if (isServiceError(error) && error.code === grpc.status.NOT_FOUND) return 'SERVICE_UNKNOWN';
    throw error;
  } finally {
    client.close();
  }
}

/** Whether `error` is a grpc-js ServiceError (a failed call's error: code, details, trailers). */
export function isServiceError(error: unknown): error is grpc.ServiceError {
  return error instanceof Error && 'code' in error && typeof error.code === 'number' && 'metadata' in error;
}
