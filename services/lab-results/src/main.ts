// The composition root: config from the environment, start, stop gracefully on SIGTERM/SIGINT.
import { loadConfigOrExit } from '@truyvet/config';
import { configSchema } from './config';
import { start } from './start';

async function main(): Promise<void> {
  const running = await start(loadConfigOrExit(configSchema));
  const shutdown = (signal: string): void => {
    process.stderr.write(`lab-results: ${signal}, stopping\n`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => {
    shutdown('SIGTERM');
  });
  process.once('SIGINT', () => {
    shutdown('SIGINT');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
