/**
 * Decisions on a person's results: a definitive result (a positive makes an F0 once per episode)
 * and an amendment (what the old result caused is undone). Pure.
 */
import { addDays, daysBetween, vietnamDay } from '@truyvet/rules';
import { activeOrder } from './isolation';
import type {
  CaseEpisode,
  Decision,
  DecidedEvent,
  PositiveResult,
  TestMethod,
  TestOutcome,
  TracingRecord,
} from './types';
import { decided, DecisionContext, settle, today, unchanged } from './decision';

export interface PersonResult {
  resultId: string;
  sampleId: string;
  method: TestMethod;
  outcome: TestOutcome;
  collectedAt: string;
  resultedAt: string;
  ctValues?: Record<string, number> | undefined;
  siteDistrictCode: string;
  siteWardCode?: string | undefined;
}

export function infectiousFrom(
  firstCollectedDay: string,
  onset: string | undefined,
  daysBefore: number,
): string {
  return addDays(onset ?? firstCollectedDay, -daysBefore);
}

/** Makes the person an F0 from a positive result, or adds it to the case it belongs to. */
function applyPositive(draft: TracingRecord, result: PersonResult, ctx: DecisionContext): DecidedEvent[] {
  const positive: PositiveResult = {
    resultId: result.resultId,
    sampleId: result.sampleId,
    method: result.method,
    collectedAt: result.collectedAt,
    resultedAt: result.resultedAt,
    ...(result.ctValues ? { ctValues: result.ctValues } : {}),
  };
  const collectedOn = vietnamDay(result.collectedAt);
  const latest = draft.cases.filter((c) => c.status !== 'reverted').at(-1);
  if (latest?.status === 'active') return addToCase(draft, latest, positive, ctx);
  if (latest?.status === 'died') return [];
  if (latest?.status === 'recovered' && latest.closedOn) {
    const set = ctx.rules.inForceOn(collectedOn);
    // Still shedding after recovery, not a new infection.
    if (daysBetween(latest.closedOn, collectedOn) < set.reinfectionAfterDays) return [];
  }
  const set = ctx.rules.inForceOn(vietnamDay(result.resultedAt));
  const active = activeOrder(draft);
  const quarantined =
    active !== undefined &&
    (active.kind === 'centralized_quarantine' || active.kind === 'home_quarantine') &&
    active.startsOn <= collectedOn;
  const from = infectiousFrom(collectedOn, undefined, set.contacts.infectiousDaysBefore);
  // Isolated since the quarantine began when that was centralized; else since today.
  const isolatedOn = quarantined && active.kind === 'centralized_quarantine' ? active.startsOn : today(ctx);
  const until = isolatedOn < from ? from : isolatedOn;
  const episode = draft.cases.length + 1;
  const caseId = `${draft.personId}/case${episode}`;
  const source =
    draft.classification.level !== null && draft.classification.level > 0 ? draft.classification : null;
  const episodeState: CaseEpisode = {
    caseId,
    episode,
    status: 'active',
    positives: [positive],
    // The lab's time, not this service's: a result entered late counts on the day it was made.
    confirmedAt: new Date(result.resultedAt).toISOString(),
    foundIn: quarantined ? 'quarantine' : 'community',
    infectiousFrom: from,
    infectiousUntil: until,
    ...(source?.sourcePersonId ? { likelySourcePersonId: source.sourcePersonId } : {}),
    clusterId: source?.clusterId ?? caseId,
    districtCode: draft.area.districtCode,
    ...(draft.area.wardCode ? { wardCode: draft.area.wardCode } : {}),
  };
  draft.cases.push(episodeState);
  return [
    {
      type: 'CaseConfirmed',
      data: {
        caseId,
        personId: draft.personId,
        episode,
        resultId: result.resultId,
        sampleId: result.sampleId,
        method: result.method,
        collectedAt: result.collectedAt,
        resultedAt: result.resultedAt,
        confirmedAt: episodeState.confirmedAt,
        foundIn: episodeState.foundIn,
        infectiousFrom: from,
        infectiousUntil: until,
        districtCode: episodeState.districtCode,
        ...(episodeState.wardCode ? { wardCode: episodeState.wardCode } : {}),
        ...(episodeState.likelySourcePersonId
          ? { likelySourcePersonId: episodeState.likelySourcePersonId }
          : {}),
        clusterId: episodeState.clusterId,
      },
    },
  ];
}

/** Another positive of a standing case; an earlier sample opens the window earlier. */
function addToCase(
  draft: TracingRecord,
  episode: CaseEpisode,
  positive: PositiveResult,
  ctx: DecisionContext,
): DecidedEvent[] {
  episode.positives.push(positive);
  return windowEvents(draft, episode, ctx, 'system');
}

function windowEvents(
  draft: TracingRecord,
  episode: CaseEpisode,
  ctx: DecisionContext,
  by: string,
): DecidedEvent[] {
  const first = episode.positives.map((p) => vietnamDay(p.collectedAt)).sort()[0];
  if (!first) return [];
  const set = ctx.rules.inForceOn(vietnamDay(episode.confirmedAt));
  const from = infectiousFrom(first, episode.symptomOnset, set.contacts.infectiousDaysBefore);
  const until = episode.infectiousUntil < from ? from : episode.infectiousUntil;
  if (from === episode.infectiousFrom && until === episode.infectiousUntil) return [];
  episode.infectiousFrom = from;
  episode.infectiousUntil = until;
  return [caseUpdated(draft, episode, ['infectiousFrom'], by)];
}

export function caseUpdated(
  draft: TracingRecord,
  episode: CaseEpisode,
  changedFields: string[],
  by: string,
): DecidedEvent {
  return {
    type: 'CaseUpdated',
    data: {
      caseId: episode.caseId,
      personId: draft.personId,
      infectiousFrom: episode.infectiousFrom,
      infectiousUntil: episode.infectiousUntil,
      ...(episode.symptomOnset ? { symptomOnset: episode.symptomOnset } : {}),
      ...(episode.severity ? { severity: episode.severity } : {}),
      changedFields,
      updatedBy: by,
    },
  };
}

/**
 * A sample taken by a test's due day (or the day before) fulfils that test: the latest such open
 * one; earlier tests that were missed stay open (overdue) until the order ends.
 */
function fulfilTest(draft: TracingRecord, resultId: string, collectedAt: string): void {
  const order = activeOrder(draft);
  if (!order) return;
  const latestDue = addDays(vietnamDay(collectedAt), 1);
  const test = order.tests
    .filter((t) => t.status === 'open' && t.dueOn <= latestDue)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .at(-1);
  if (!test) return;
  test.status = 'done';
  test.resultId = resultId;
}

/**
 * A person's definitive result. Positive: an F0 once per episode (a repeat or a second positive of
 * the same episode adds to it). Any result is remembered for the release of a quarantine.
 */
export function decideResult(record: TracingRecord, result: PersonResult, ctx: DecisionContext): Decision {
  if (record.results.some((r) => r.resultId === result.resultId)) return unchanged(record);
  const draft = structuredClone(record);
  draft.results.push({
    resultId: result.resultId,
    sampleId: result.sampleId,
    method: result.method,
    outcome: result.outcome,
    collectedAt: result.collectedAt,
    ...(result.ctValues ? { ctValues: result.ctValues } : {}),
  });
  if (!draft.person && draft.cases.length === 0 && draft.exposures.length === 0) {
    draft.area = {
      districtCode: result.siteDistrictCode,
      ...(result.siteWardCode ? { wardCode: result.siteWardCode } : {}),
    };
  }
  fulfilTest(draft, result.resultId, result.collectedAt);
  const emits = result.outcome === 'positive' ? applyPositive(draft, result, ctx) : [];
  return decided(draft, [...emits, ...settle(record, draft, ctx, 'case_confirmed', 'superseded')]);
}

export interface ResultAmendment {
  resultId: string;
  amendsResultId: string;
  sampleId: string;
  outcome: TestOutcome | 'withdrawn';
  ctValues?: Record<string, number> | undefined;
  reason: string;
  amendedAt: string;
}

/**
 * An amended result: what the old one caused is undone (a case standing on it alone is reverted,
 * and with it the classification and isolation it caused), and the new outcome applied.
 * `original` is the amended result as the lab first published it, when this record never saw it.
 */
export function decideAmendment(
  record: TracingRecord,
  amendment: ResultAmendment,
  original: PersonResult | undefined,
  ctx: DecisionContext,
): Decision {
  if (record.results.some((r) => r.resultId === amendment.resultId)) return unchanged(record);
  const draft = structuredClone(record);
  const seen = draft.results.find((r) => r.resultId === amendment.amendsResultId);
  const base = seen ?? original;
  const emits: DecidedEvent[] = [];
  for (const episode of draft.cases) {
    const before = episode.positives.length;
    episode.positives = episode.positives.filter((p) => p.resultId !== amendment.amendsResultId);
    if (episode.positives.length === before || episode.status === 'reverted') continue;
    if (episode.positives.length === 0) {
      episode.status = 'reverted';
      episode.closedOn = today(ctx);
      emits.push({
        type: 'CaseReverted',
        data: {
          caseId: episode.caseId,
          personId: draft.personId,
          amendmentResultId: amendment.resultId,
          reason: amendment.reason,
        },
      });
    } else {
      emits.push(...windowEvents(draft, episode, ctx, 'system'));
    }
  }
  if (seen) seen.outcome = 'withdrawn';
  const collectedAt = base?.collectedAt ?? amendment.amendedAt;
  draft.results.push({
    resultId: amendment.resultId,
    sampleId: amendment.sampleId,
    method: base?.method ?? 'rt_pcr',
    outcome: amendment.outcome,
    collectedAt,
    ...(amendment.ctValues ? { ctValues: amendment.ctValues } : {}),
  });
  if (amendment.outcome === 'positive') {
    emits.push(
      ...applyPositive(
        draft,
        {
          resultId: amendment.resultId,
          sampleId: amendment.sampleId,
          method: base?.method ?? 'rt_pcr',
          outcome: 'positive',
          collectedAt,
          resultedAt: amendment.amendedAt,
          ctValues: amendment.ctValues,
          siteDistrictCode: draft.area.districtCode,
          siteWardCode: draft.area.wardCode,
        },
        ctx,
      ),
    );
  }
  const reverted = emits.some((f) => f.type === 'CaseReverted');
  return decided(draft, [
    ...emits,
    ...settle(record, draft, ctx, reverted ? 'case_reverted' : 'case_confirmed', 'withdrawn'),
  ]);
}
