/**
 * The console's gateway in front of the four services running embedded, after the quick start's
 * round (cases in three wards of district 919): what the console's tests sign in to.
 */
import { configSchema, start, type Running } from '@truyvet/console';
import { unaryCall } from '@truyvet/grpc';
import { runQuickStart, type QuickStartResult } from '../../scripts/quick-start';
import { clientsFor } from '../../scripts/scenario/clients';
import { roles } from '../../scripts/scenario/mass-testing';

export const ROUND_DISTRICT = '919';
export const ROUND_WARDS = ['31186', '31189', '31192'];

/** The round's households (the quick start registers them as hh-<district>-<tag>-<n>). */
const ROUND_HOUSEHOLDS = 40;

export interface RegisteredPerson {
  personId: string;
  fullName: string;
  birthYear: number;
  phone: string;
  wardCode: string;
}

export interface ConsoleRound {
  round: QuickStartResult;
  gateway: Running;
  /** Everyone the round registered in a ward, as the registry has them. */
  registeredIn(wardCode: string): Promise<RegisteredPerson[]>;
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
    households: ROUND_HOUSEHOLDS,
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
    async registeredIn(wardCode) {
      const city = await clientsFor(roles(ROUND_DISTRICT).city, round.services.ports);
      try {
        const people: RegisteredPerson[] = [];
        for (let n = 0; n < ROUND_HOUSEHOLDS; n++) {
          const home = await unaryCall(city.registry, 'FindPersons', {
            householdId: `hh-${ROUND_DISTRICT}-${options.tag}-${String(n)}`,
          });
          for (const p of home.persons)
            if (p.details?.address?.wardCode === wardCode)
              people.push({
                personId: p.personId,
                fullName: p.details.fullName,
                birthYear: p.details.birthYear,
                phone: p.details.phone,
                wardCode,
              });
        }
        return people;
      } finally {
        city.close();
      }
    },
    async stop() {
      await gateway.stop();
      await round.services.stop();
    },
  };
}
