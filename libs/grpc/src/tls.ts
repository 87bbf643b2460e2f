/** TLS for gRPC from PEM files: the server's certificate, and for mutual TLS the callers' CA. */
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';

export interface ServerTlsFiles {
  certFile: string;
  keyFile: string;
  /** Given: a caller must present a certificate this CA signed (mutual TLS). */
  clientCaFile?: string | undefined;
}

export function serverCredentialsFromFiles(files: ServerTlsFiles): grpc.ServerCredentials {
  const ca = files.clientCaFile ? readFileSync(files.clientCaFile) : null;
  return grpc.ServerCredentials.createSsl(
    ca,
    [{ cert_chain: readFileSync(files.certFile), private_key: readFileSync(files.keyFile) }],
    ca !== null,
  );
}

export interface ClientTlsFiles {
  /** The CA the servers' certificates are checked against (default: the system's). */
  caFile?: string | undefined;
  /** This client's certificate and key, for servers that ask for one (mutual TLS). */
  certFile?: string | undefined;
  keyFile?: string | undefined;
}

export function channelCredentialsFromFiles(files: ClientTlsFiles): grpc.ChannelCredentials {
  const read = (file: string | undefined) => (file ? readFileSync(file) : null);
  return grpc.credentials.createSsl(read(files.caFile), read(files.keyFile), read(files.certFile));
}
