/**
 * Exits 0 when the service on GRPC_PORT (default 50051) answers SERVING to the gRPC health
 * checking protocol, 1 otherwise: the container health check of deploy/compose.yaml and the probes
 * of deploy/k8s. A service serving TLS (GRPC_TLS_CERT_FILE set) is asked over TLS: its certificate
 * checked against GRPC_PROBE_CA_FILE under the name GRPC_PROBE_SERVER_NAME (default localhost),
 * presenting GRPC_PROBE_CERT_FILE/GRPC_PROBE_KEY_FILE where the service asks callers for one.
 */
import { checkHealth } from '../client';
import { channelCredentialsFromFiles } from '../tls';

const port = process.env.GRPC_PORT ?? '50051';
const tls = Boolean(process.env.GRPC_TLS_CERT_FILE);
const options = tls
  ? {
      credentials: channelCredentialsFromFiles({
        caFile: process.env.GRPC_PROBE_CA_FILE,
        certFile: process.env.GRPC_PROBE_CERT_FILE,
        keyFile: process.env.GRPC_PROBE_KEY_FILE,
      }),
      channelOptions: { 'grpc.ssl_target_name_override': process.env.GRPC_PROBE_SERVER_NAME ?? 'localhost' },
    }
  : {};
checkHealth(`127.0.0.1:${port}`, '', { deadlineMs: 3000, ...options }).then(
  (status) => {
    process.stdout.write(`${status}\n`);
    process.exit(status === 'SERVING' ? 0 : 1);
  },
  (error: unknown) => {
    process.stderr.write(`health check failed: ${String(error)}\n`);
    process.exit(1);
  },
);
