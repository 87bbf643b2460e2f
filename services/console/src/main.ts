// The composition root: config from the environment, start, stop gracefully on SIGTERM/SIGINT.
import { runService } from '@truyvet/config';
import { configSchema } from './config';
import { start } from './start';

runService('console', configSchema, (config) => start(config));
