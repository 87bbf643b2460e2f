/**
 * The console's gateway in front of the four services running embedded, after the quick start's
 * round (cases in three wards of district 919): what the console's tests sign in to.
 */
import { configSchema, start, type Running } from '@truyvet/console';
import { runQuickStart, type QuickStartResult } from '../../scripts/quick-start';

export const ROUND_DISTRICT = '919';
export const ROUND_WARDS = ['31186', '31189', '31192'];

export interface ConsoleRound {
  round: QuickStartResult;
  gateway: Running;
  stop(): Promise<void>;
}

export async function startConsoleRound(options: {
  tag: string;
  adminPassword: string;
  webDir?: string;
}): Promise<ConsoleRound> {
  const round = await runQuickStart({
    mode: 'embedded',
    ports: { samples: 0, lab: 0, cases: 0, reports: 0 },
    logLevel: 'fatal',
    households: 40,
    positiveHouseholds: 3,
    districtCode: ROUND_DISTRICT,
    wardCodes: ROUND_WARDS,
    tag: options.tag,
    print: () => undefined,
  });
  const gateway = await start(
    configSchema.parse({
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_PORT: '0',
      CASE_GRAPH_ADDRESS: `127.0.0.1:${round.services.ports.cases}`,
      SAMPLE_COLLECTION_ADDRESS: `127.0.0.1:${round.services.ports.samples}`,
      REPORTING_ADDRESS: `127.0.0.1:${round.services.ports.reports}`,
      LAB_RESULTS_ADDRESS: `127.0.0.1:${round.services.ports.lab}`,
      CONSOLE_ADMIN_PASSWORD: options.adminPassword,
      LOG_LEVEL: 'fatal',
      ...(options.webDir ? { CONSOLE_WEB_DIR: options.webDir } : {}),
    }),
  );
  return {
    round,
    gateway,
    async stop() {
      await gateway.stop();
      await round.services.stop();
    },
  };
}
