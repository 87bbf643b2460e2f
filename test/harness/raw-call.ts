/**
 * One call of any method, unary or streaming, from its definition alone: what a generated test
 * (every method of every service) needs. A request the client cannot serialize answers NOT_SENT.
 */
import * as grpc from '@grpc/grpc-js';

/** Stands for the client refusing to serialize a request: nothing went to the server. */
export const NOT_SENT = -1 as unknown as grpc.status;

/** How a call ended, and what it answered (a server stream's every message). */
export interface RawAnswer {
  code: grpc.status;
  details: string;
  answers: unknown[];
}

export function callRaw(
  client: grpc.Client,
  method: grpc.MethodDefinition<unknown, unknown>,
  request: unknown,
  metadata: grpc.Metadata,
  raw: boolean,
  /** What a client stream sends (default: the request three times). */
  rows?: readonly unknown[],
): Promise<RawAnswer> {
  const serialize = raw ? (b: unknown) => b as Buffer : method.requestSerialize;
  const deadline = Date.now() + 10_000;
  const answers: unknown[] = [];
  const done = (resolve: (v: RawAnswer) => void) => (error: grpc.ServiceError | null, answer?: unknown) => {
    if (answer !== undefined) answers.push(answer);
    resolve(
      error
        ? { code: error.code, details: error.details, answers }
        : { code: grpc.status.OK, details: '', answers },
    );
  };
  return new Promise((resolve) => {
    try {
      if (!method.requestStream && !method.responseStream) {
        client.makeUnaryRequest(
          method.path,
          serialize,
          method.responseDeserialize,
          request,
          metadata,
          { deadline },
          done(resolve),
        );
      } else if (method.requestStream && !method.responseStream) {
        const stream = client.makeClientStreamRequest(
          method.path,
          serialize,
          method.responseDeserialize,
          metadata,
          { deadline },
          done(resolve),
        );
        for (const row of rows ?? [request, request, request]) stream.write(row);
        stream.end();
      } else {
        const stream = method.requestStream
          ? client.makeBidiStreamRequest(method.path, serialize, method.responseDeserialize, metadata, {
              deadline,
            })
          : client.makeServerStreamRequest(
              method.path,
              serialize,
              method.responseDeserialize,
              request,
              metadata,
              {
                deadline,
              },
            );
        stream.on('data', (answer: unknown) => answers.push(answer));
        stream.on('error', (e: grpc.ServiceError) => {
          resolve({ code: e.code, details: e.details, answers });
        });
        stream.on('status', (s: grpc.StatusObject) => {
          if (s.code === grpc.status.OK) resolve({ code: s.code, details: s.details, answers });
        });
      }
    } catch (error) {
      // The client refused to serialize it (e.g. a number where the proto has a string): no call.
      resolve({ code: NOT_SENT, details: `not sent: ${String(error)}`, answers });
    }
  });
}
