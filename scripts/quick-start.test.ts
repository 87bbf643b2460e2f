import { describe, expect, it } from '@jest/globals';
import { runQuickStart } from './quick-start';

describe('the quick start (embedded)', () => {
  it('runs a round through the four services and reports exactly what happened', async () => {
    const lines: string[] = [];
    const result = await runQuickStart({
      mode: 'embedded',
      ports: { samples: 0, lab: 0, cases: 0, reports: 0 },
      logLevel: 'fatal',
      households: 40,
      positiveHouseholds: 3,
      districtCode: '919',
      wardCodes: ['31186', '31189', '31192'],
      tag: '501',
      print: (line) => lines.push(line),
    });
    try {
      const { summary, report } = result;
      const cases = summary.cases.community.length + summary.cases.quarantine.length;
      expect(summary.cases.community).toHaveLength(3);
      expect(report.cases).toMatchObject({
        newToday: cases,
        newInCommunity: 3,
        newInQuarantine: 1,
        total: cases,
        underTreatment: cases,
      });
      expect(report.isolation.f1Centralized + report.isolation.f1Home).toBe(summary.f1.length);
      expect(report.isolation.f1CentralizedAwaitingBed).toBe(
        Math.max(0, report.isolation.f1Centralized - summary.quarantineBeds),
      );
      expect(report.isolation).toMatchObject({ f2SelfMonitoring: 0, suspectsIsolated: 0 });
      expect(report.testing).toMatchObject({
        samplesCollected: summary.tubes.pools + summary.tubes.individual,
        samplesTested: summary.tubes.pools + summary.tubes.individual,
        samplesPositive: summary.tubes.positive,
        peopleSampled: summary.people + summary.tubes.individual,
      });
      expect(report.vaccination).toEqual(summary.vaccinated);
      expect(result.turnaround[0]?.resultToF1Isolated.count).toBeGreaterThan(0);
      // What a user reads: the report, the risk table, one chain back to the first case.
      const printed = lines.join('\n');
      expect(printed).toContain(
        `New infections today: ${cases} (3 in the community, 1 already in quarantine)`,
      );
      expect(printed).toContain('Risk levels by ward');
      expect(printed).toContain(`generation 0: ${summary.names.get(summary.firstCasePersonId) ?? '?'}`);
    } finally {
      await result.services.stop();
    }
  }, 120_000);
});
