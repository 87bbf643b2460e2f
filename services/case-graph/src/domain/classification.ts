/**
 * F-levels from the graph: an F0 is level 0; anyone else is one more than the lowest level among
 * the people they were exposed to within that person's window, up to the depth the rule set
 * traces. Each level carries its path from the root F0, and a person never takes a level through
 * a path they are already on, so a reverted F0 demotes what it caused at once instead of two
 * contacts holding each other up (count-to-infinity). Pure.
 */
import type { TracingRuleBook } from '@truyvet/rules';
import {
  unclassified,
  type CaseEpisode,
  type Classification,
  type Exposure,
  type TracingRecord,
} from './types';

/** The case that makes the person an F0: the latest episode not reverted. */
export function standingCase(record: TracingRecord): CaseEpisode | undefined {
  return record.cases.filter((c) => c.status !== 'reverted').at(-1);
}

/** Whether an exposure to `source` on `day` falls within the window in which the source counts. */
export function withinWindow(source: Classification, day: string): boolean {
  if (source.since !== null && day < source.since) return false;
  if (source.until !== null && day > source.until) return false;
  return true;
}

/** The exposure a person's level comes through, if any: lowest level, then latest exposure. */
export function bestExposure(record: TracingRecord, rules: TracingRuleBook): Exposure | undefined {
  let best: Exposure | undefined;
  for (const exposure of record.exposures) {
    const { source } = exposure;
    if (source.level === null || source.path.includes(record.personId)) continue;
    if (source.level + 1 > rules.inForceOn(exposure.lastExposureOn).contacts.maxDepth) continue;
    if (!withinWindow(source, exposure.lastExposureOn)) continue;
    if (!best || better(exposure, best)) best = exposure;
  }
  return best;
}

function better(a: Exposure, b: Exposure): boolean {
  const la = a.source.level ?? Infinity;
  const lb = b.source.level ?? Infinity;
  if (la !== lb) return la < lb;
  if (a.lastExposureOn !== b.lastExposureOn) return a.lastExposureOn > b.lastExposureOn;
  return a.sourcePersonId < b.sourcePersonId;
}

export function classify(record: TracingRecord, rules: TracingRuleBook): Classification {
  const standing = standingCase(record);
  if (standing) {
    return {
      level: 0,
      path: [record.personId],
      rootCaseId: standing.caseId,
      clusterId: standing.clusterId,
      sourcePersonId: null,
      lastExposureOn: null,
      since: standing.infectiousFrom,
      until: standing.infectiousUntil,
    };
  }
  const best = bestExposure(record, rules);
  if (!best) return unclassified;
  const level = (best.source.level ?? 0) + 1;
  return {
    level,
    path: [...best.source.path, record.personId],
    rootCaseId: best.source.rootCaseId,
    clusterId: best.source.clusterId,
    sourcePersonId: best.sourcePersonId,
    lastExposureOn: best.lastExposureOn,
    // Contacts of a contact count from the start of the root F0's window, with no end.
    since: best.source.since,
    until: null,
  };
}

export function sameClassification(a: Classification, b: Classification): boolean {
  return (
    a.level === b.level &&
    a.rootCaseId === b.rootCaseId &&
    a.clusterId === b.clusterId &&
    a.sourcePersonId === b.sourcePersonId &&
    a.lastExposureOn === b.lastExposureOn &&
    a.since === b.since &&
    a.until === b.until &&
    a.path.join('>') === b.path.join('>')
  );
}

/**
 * Whether this person's own contacts can be recorded: an F0, or a contact at a level whose contacts
 * the rule set still traces (an F1 when the depth is 2).
 */
export function contactsTraceable(classification: Classification, maxDepth: number): boolean {
  return classification.level !== null && classification.level < maxDepth;
}
