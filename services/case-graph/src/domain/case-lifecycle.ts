/**
 * Decisions on the person and their case: details, a case update, recovery, death. Pure.
 */
import { DomainError } from '@truyvet/errors';
import { daysBetween, vietnamDay } from '@truyvet/rules';
import { activeOrder, endOrder } from './isolation';
import type { CaseEpisode, Decision, DecidedEvent, PersonOnRecord, Severity, TracingRecord } from './types';
import { decided, DecisionContext, settle, today, unchanged } from './decision';
import { caseUpdated, infectiousFrom } from './results';

/** The registry's details of the person changed (or arrived): area, household, tier inputs. */
export function decidePersonDetails(
  record: TracingRecord,
  person: PersonOnRecord,
  ctx: DecisionContext,
): Decision {
  if (record.person && JSON.stringify(record.person) === JSON.stringify(person)) return unchanged(record);
  const draft = structuredClone(record);
  draft.person = person;
  draft.area = { districtCode: person.districtCode, wardCode: person.wardCode };
  return decided(draft, settle(record, draft, ctx, 'source_changed', 'superseded'));
}

function requireCase(record: TracingRecord, caseId: string): CaseEpisode {
  const found = record.cases.find((c) => c.caseId === caseId);
  if (!found)
    throw new DomainError('CASE_NOT_FOUND', 'not_found', `no case ${caseId}`, {
      fields: [{ field: 'caseId', description: `no case ${caseId}` }],
    });
  return found;
}

function requireActive(episode: CaseEpisode): void {
  if (episode.status !== 'active')
    throw new DomainError('CASE_NOT_ACTIVE', 'conflict', `case ${episode.caseId} is ${episode.status}`, {
      fields: [{ field: 'caseId', description: `is ${episode.status}, not under treatment` }],
    });
}

/** The interview's findings: symptom onset moves the infectious window, severity the treatment tier. */
export function decideCaseUpdate(
  record: TracingRecord,
  update: {
    caseId: string;
    symptomOnset?: string | undefined;
    severity?: Severity | undefined;
    updatedBy: string;
  },
  ctx: DecisionContext,
): Decision {
  const day = today(ctx);
  const episode = requireCase(record, update.caseId);
  if (episode.status === 'reverted') requireActive(episode);
  if (update.symptomOnset !== undefined && update.symptomOnset > day)
    throw new DomainError('ONSET_IN_FUTURE', 'invalid', 'symptom onset is in the future', {
      fields: [{ field: 'symptomOnset', description: `is after today (${day})` }],
    });
  const draft = structuredClone(record);
  const target = requireCase(draft, update.caseId);
  const changed: string[] = [];
  if (update.symptomOnset !== undefined && update.symptomOnset !== target.symptomOnset) {
    target.symptomOnset = update.symptomOnset;
    changed.push('symptomOnset');
  }
  if (update.severity !== undefined && update.severity !== target.severity) {
    target.severity = update.severity;
    changed.push('severity');
  }
  if (changed.length === 0) return unchanged(record);
  const set = ctx.rules.inForceOn(vietnamDay(target.confirmedAt));
  const first = target.positives.map((p) => vietnamDay(p.collectedAt)).sort()[0] ?? day;
  target.infectiousFrom = infectiousFrom(first, target.symptomOnset, set.contacts.infectiousDaysBefore);
  if (target.infectiousUntil < target.infectiousFrom) target.infectiousUntil = target.infectiousFrom;
  return decided(draft, [
    caseUpdated(draft, target, changed, update.updatedBy),
    ...settle(record, draft, ctx, 'source_changed', 'superseded'),
  ]);
}

/**
 * A treatment facility releases an F0 as recovered: only after the rule set's days of treatment,
 * with a negative test since confirmation or a last Ct value at or above its threshold.
 */
export function decideRecovery(
  record: TracingRecord,
  command: { caseId: string; recoveredOn: string; recordedBy: string },
  ctx: DecisionContext,
): Decision {
  const day = today(ctx);
  const episode = requireCase(record, command.caseId);
  if (episode.status === 'recovered' && episode.closedOn === command.recoveredOn) return unchanged(record);
  requireActive(episode);
  const confirmedOn = vietnamDay(episode.confirmedAt);
  if (command.recoveredOn > day || command.recoveredOn < confirmedOn)
    throw new DomainError('RECOVERY_DAY_OUT_OF_RANGE', 'invalid', 'the recovery day is out of range', {
      fields: [{ field: 'recoveredOn', description: `is not between ${confirmedOn} and today (${day})` }],
    });
  const set = ctx.rules.inForceOn(command.recoveredOn);
  const { minDays, ctAtLeast } = set.treatment.recovery;
  const treated = daysBetween(confirmedOn, command.recoveredOn);
  if (treated < minDays)
    throw new DomainError(
      'TREATMENT_TOO_SHORT',
      'conflict',
      `case ${episode.caseId} has been treated ${treated} days; rule set ${set.id} releases after ${minDays}`,
      {
        fields: [
          { field: 'recoveredOn', description: `is day ${treated} of treatment, before day ${minDays}` },
        ],
      },
    );
  const negative = record.results.some(
    (r) => r.outcome === 'negative' && r.collectedAt > episode.confirmedAt,
  );
  const lastPositive = [...episode.positives]
    .sort((a, b) => a.collectedAt.localeCompare(b.collectedAt))
    .at(-1);
  const lastCts = Object.values(lastPositive?.ctValues ?? {});
  const highCt =
    lastCts.length > 0 && Math.min(...lastCts) >= ctAtLeast && lastPositive !== episode.positives[0];
  if (!negative && !highCt)
    throw new DomainError(
      'RELEASE_TEST_MISSING',
      'conflict',
      `case ${episode.caseId} needs a negative test since confirmation, or a follow-up Ct of at least ${ctAtLeast}`,
      { fields: [{ field: 'caseId', description: `no negative test, and no follow-up Ct >= ${ctAtLeast}` }] },
    );
  const draft = structuredClone(record);
  const target = requireCase(draft, command.caseId);
  target.status = 'recovered';
  target.closedOn = command.recoveredOn;
  const emits: DecidedEvent[] = [
    {
      type: 'CaseRecovered',
      data: {
        caseId: target.caseId,
        personId: draft.personId,
        recoveredOn: command.recoveredOn,
        basis: negative ? 'negative_test' : 'ct_threshold',
        ruleSetId: set.id,
        recordedBy: command.recordedBy,
      },
    },
  ];
  const order = activeOrder(draft);
  if (order?.kind === 'treatment')
    emits.push(...endOrder(draft, order, 'recovered', day, 'the person recovered'));
  return decided(draft, [...emits, ...settle(record, draft, ctx, 'case_closed', 'superseded')]);
}

export function decideDeath(
  record: TracingRecord,
  command: { caseId: string; diedOn: string; recordedBy: string },
  ctx: DecisionContext,
): Decision {
  const day = today(ctx);
  const episode = requireCase(record, command.caseId);
  if (episode.status === 'died') return unchanged(record);
  requireActive(episode);
  if (command.diedOn > day || command.diedOn < vietnamDay(episode.confirmedAt))
    throw new DomainError('DEATH_DAY_OUT_OF_RANGE', 'invalid', 'the day of death is out of range', {
      fields: [{ field: 'diedOn', description: `is not between the confirmation and today (${day})` }],
    });
  const draft = structuredClone(record);
  const target = requireCase(draft, command.caseId);
  target.status = 'died';
  target.closedOn = command.diedOn;
  const emits: DecidedEvent[] = [
    {
      type: 'CaseDied',
      data: {
        caseId: target.caseId,
        personId: draft.personId,
        diedOn: command.diedOn,
        recordedBy: command.recordedBy,
      },
    },
  ];
  const order = activeOrder(draft);
  if (order) emits.push(...endOrder(draft, order, 'died', day, 'the person died'));
  return decided(draft, [...emits, ...settle(record, draft, ctx, 'case_closed', 'superseded')]);
}
