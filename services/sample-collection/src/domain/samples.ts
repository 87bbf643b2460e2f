/**
 * Collecting a sample: one swab tube with a barcode, from one person or pooled from several.
 * Pure rules: barcode form, pool size under the rule set in force on the collection date, members
 * known and listed once. Uniqueness of barcodes and "one open pool per person" need the store and
 * are enforced by the use case with unique inserts.
 */
import { DomainError, describeViolations, type FieldViolation } from '@truyvet/errors';
import { sampleIdOfBarcode, type EventOf, type SampleCollectedV1 } from '@truyvet/events';
import type { RuleSet } from '@truyvet/rules';

export type SampleData = EventOf<typeof SampleCollectedV1>['data'];

export type SampleStatus = 'collected' | 'shipped' | 'received' | 'rejected' | 'resulted';

export interface SampleState {
  sample: SampleData;
  /** As last written; a shipped tube's receipt is read from its box (`sampleStatus`). */
  status: SampleStatus;
  collectedBy: string;
  /** The box it travels in (tubes dispatched since 5 Dec 2026). */
  shipmentId?: string;
}

export interface CollectSample {
  barcode: string;
  personIds: string[];
  pooled: boolean;
  collectedAt: string;
  site: SampleData['site'];
  teamId?: string | undefined;
  reason: SampleData['reason'];
  specimenType: SampleData['specimenType'];
  collectedBy: string;
}

/** The one id of a tube: its barcode, in capitals. */
export const sampleIdFor = sampleIdOfBarcode;

export function maxPoolSize(rules: RuleSet, reason: SampleData['reason']): number {
  return reason === 'mass_testing' ? rules.sampling.maxPoolSizeMassTesting : rules.sampling.maxPoolSize;
}

/**
 * Checks a collection against the rules and what the registry knows, and gives the sample's
 * state, or a DomainError naming every offending field. `known` holds the persons found in the
 * registry; `now` guards against collection times in the future.
 */
export function decideCollection(
  command: CollectSample,
  rules: RuleSet,
  known: ReadonlySet<string>,
  now: Date,
  /** Registrations merged into another person: a sample goes under the survivor's id. */
  merged: ReadonlyMap<string, string> = new Map(),
): SampleState {
  const fields: FieldViolation[] = [];
  const barcode = command.barcode.trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9-]{3,63}$/.test(barcode)) {
    fields.push({ field: 'barcode', description: 'letters, digits and dashes, 4 to 64 characters' });
  }
  const size = command.personIds.length;
  if (command.pooled) {
    const max = maxPoolSize(rules, command.reason);
    if (size < 2) fields.push({ field: 'personIds', description: 'a pooled sample lists 2 or more people' });
    if (size > max) {
      fields.push({
        field: 'personIds',
        description: `a pool holds at most ${max} swabs under rule set ${rules.id} (${size} given)`,
      });
    }
  } else if (size !== 1) {
    fields.push({ field: 'personIds', description: 'an individual sample lists exactly one person' });
  }
  const seen = new Set<string>();
  command.personIds.forEach((personId, i) => {
    if (seen.has(personId))
      fields.push({ field: `personIds.${i}`, description: `${personId} is listed twice` });
    else if (merged.has(personId))
      fields.push({
        field: `personIds.${i}`,
        description: `${personId} was merged into ${merged.get(personId) ?? '?'}: use that id`,
      });
    else if (!known.has(personId))
      fields.push({ field: `personIds.${i}`, description: `no person ${personId} in the registry` });
    seen.add(personId);
  });
  const collectedAt = new Date(command.collectedAt);
  if (collectedAt.getTime() > now.getTime() + 5 * 60_000) {
    fields.push({ field: 'collectedAt', description: 'is in the future' });
  }
  if (fields.length > 0) {
    throw new DomainError('INVALID_SAMPLE', 'invalid', describeViolations(fields), { fields });
  }
  return {
    sample: {
      sampleId: sampleIdFor(barcode),
      barcode,
      pooled: command.pooled,
      personIds: command.personIds,
      collectedAt: collectedAt.toISOString(),
      site: command.site,
      ...(command.teamId ? { teamId: command.teamId } : {}),
      reason: command.reason,
      specimenType: command.specimenType,
    },
    status: 'collected',
    collectedBy: command.collectedBy,
  };
}
