/**
 * Reading a result: RT-PCR Ct values are interpreted by the kit's cut-offs in the rule set in
 * force on the result date (interpretation is data); a rapid antigen test is read in the field and
 * recorded as it was read. Pure.
 */
import type { FieldViolation } from '@truyvet/errors';
import type { EventOf, PersonTestResultedV1 } from '@truyvet/events';
import type { KitRules, RuleSet } from '@truyvet/rules';

export type TestMethod = EventOf<typeof PersonTestResultedV1>['data']['method'];
export type TestOutcome = EventOf<typeof PersonTestResultedV1>['data']['outcome'];

export interface ResultReading {
  method: TestMethod;
  /** As typed or exported by the instrument; derived from the Ct values when absent. */
  outcome?: TestOutcome | undefined;
  ctValues?: Record<string, number> | undefined;
  kitId?: string | undefined;
}

export type Interpretation =
  { ok: true; outcome: TestOutcome; kit?: KitRules } | { ok: false; fields: FieldViolation[] };

/** How one kit reads a set of Ct values (targets not listed were not detected). */
export function readCtValues(kit: KitRules, ctValues: Readonly<Record<string, number>>): TestOutcome {
  let detected = 0;
  let borderline = 0;
  for (const target of kit.targets) {
    const ct = ctValues[target];
    if (ct === undefined) continue;
    if (ct < kit.detectedBelow) detected++;
    else if (ct < kit.borderlineBelow) borderline++;
  }
  if (detected >= kit.minDetectedTargets) return 'positive';
  if (detected > 0 || borderline > 0) return 'inconclusive';
  return 'negative';
}

/**
 * Checks a reading and gives its outcome. RT-PCR needs a kit of the rule set and Ct values only for
 * that kit's targets; a typed outcome that contradicts the Ct values is refused (a typo caught at
 * entry, not after an F0 was made). `rejected` (the tube could not be tested) needs no Ct values.
 */
export function interpretResult(reading: ResultReading, rules: RuleSet): Interpretation {
  const fields: FieldViolation[] = [];
  if (reading.method === 'rapid_antigen') {
    if (!reading.outcome)
      fields.push({ field: 'outcome', description: 'a rapid test is recorded as it was read' });
    if (reading.ctValues && Object.keys(reading.ctValues).length > 0) {
      fields.push({ field: 'ctValues', description: 'a rapid antigen test has no Ct values' });
    }
    return fields.length > 0 || !reading.outcome
      ? { ok: false, fields }
      : { ok: true, outcome: reading.outcome };
  }
  if (reading.outcome === 'rejected') return { ok: true, outcome: 'rejected' };
  const kit = rules.lab.kits.find((k) => k.id === reading.kitId);
  if (!kit) {
    const known = rules.lab.kits.map((k) => k.id).join(', ');
    return {
      ok: false,
      fields: [
        {
          field: 'kitId',
          description: reading.kitId
            ? `no kit ${reading.kitId} in rule set ${rules.id} (known: ${known})`
            : `an RT-PCR result names its kit (${known})`,
        },
      ],
    };
  }
  const ct = reading.ctValues ?? {};
  for (const [target, value] of Object.entries(ct)) {
    if (!kit.targets.includes(target)) {
      fields.push({ field: `ctValues.${target}`, description: `${kit.name} has no target ${target}` });
    }
    if (!Number.isFinite(value) || value <= 0 || value > 45) {
      fields.push({ field: `ctValues.${target}`, description: 'a Ct value is above 0 and at most 45' });
    }
  }
  if (fields.length > 0) return { ok: false, fields };
  const read = readCtValues(kit, ct);
  if (reading.outcome && reading.outcome !== read) {
    return {
      ok: false,
      fields: [
        {
          field: 'outcome',
          description: `${reading.outcome} contradicts the Ct values, which read ${read} under ${kit.name} (detected below ${kit.detectedBelow}, borderline below ${kit.borderlineBelow})`,
        },
      ],
    };
  }
  return { ok: true, outcome: read, kit };
}
