/**
 * Exits 0 when the service on GRPC_PORT (default 50051) answers SERVING to the gRPC health
 * checking protocol, 1 otherwise: the container health check of deploy/compose.yaml.
 */
import { checkHealth } from '../client';

const port = process.env.GRPC_PORT ?? '50051';
checkHealth(`127.0.0.1:${port}`, '', { deadlineMs: 3000 }).then(
  (status) => {
    process.stdout.write(`${status}\n`);
    process.exit(status === 'SERVING' ? 0 : 1);
  },
  (error: unknown) => {
    process.stderr.write(`health check failed: ${String(error)}\n`);
    process.exit(1);
  },
);
