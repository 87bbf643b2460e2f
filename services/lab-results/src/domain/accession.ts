/**
 * Accessioning: the barcodes scanned out of a box, matched against the manifest the district sent.
 * Pure: what arrived, what is missing, what was not on the manifest, and what cannot be tested.
 */
import type { RuleSet } from '@truyvet/rules';

/** What the lab technician saw when the tube came out of the box. */
export const tubeConditions = ['ok', 'leaking', 'damaged', 'insufficient_volume', 'wrong_specimen'] as const;
export type TubeCondition = (typeof tubeConditions)[number];

export interface ScannedTube {
  barcode: string;
  condition: TubeCondition;
}

export interface ManifestEntry {
  sampleId: string;
  barcode: string;
}

export interface Accession {
  receivedSampleIds: string[];
  missingSampleIds: string[];
  unexpectedBarcodes: string[];
  rejected: Array<{ sampleId: string; reason: string }>;
}

export function normalizeBarcode(barcode: string): string {
  return barcode.trim().toUpperCase();
}

/**
 * Matches the scans against the manifest. A tube on the manifest is received, or rejected for its
 * condition or for being older than the rule set allows (`collectedAt` of the samples the lab has
 * heard of; one it has not heard of yet is received and judged when its event comes). A barcode
 * scanned twice counts once, with the worse condition.
 */
export function matchAccession(input: {
  manifest: readonly ManifestEntry[];
  scans: readonly ScannedTube[];
  collectedAt: ReadonlyMap<string, string>;
  receivedAt: Date;
  rules: RuleSet;
}): Accession {
  const conditionOf = new Map<string, TubeCondition>();
  for (const scan of input.scans) {
    const barcode = normalizeBarcode(scan.barcode);
    const before = conditionOf.get(barcode);
    if (!before || before === 'ok') conditionOf.set(barcode, scan.condition);
  }
  const onManifest = new Map(input.manifest.map((m) => [normalizeBarcode(m.barcode), m.sampleId]));
  const accession: Accession = {
    receivedSampleIds: [],
    missingSampleIds: [],
    unexpectedBarcodes: [],
    rejected: [],
  };
  const maxAgeMs = input.rules.lab.sampleMaxAgeHours * 3_600_000;
  for (const [barcode, sampleId] of onManifest) {
    const condition = conditionOf.get(barcode);
    if (condition === undefined) {
      accession.missingSampleIds.push(sampleId);
      continue;
    }
    const collectedAt = input.collectedAt.get(sampleId);
    const ageMs = collectedAt ? input.receivedAt.getTime() - new Date(collectedAt).getTime() : 0;
    if (condition !== 'ok') accession.rejected.push({ sampleId, reason: condition });
    else if (ageMs > maxAgeMs) {
      accession.rejected.push({
        sampleId,
        reason: `too_old: collected ${Math.round(ageMs / 3_600_000)} h before receipt (limit ${input.rules.lab.sampleMaxAgeHours} h)`,
      });
    } else accession.receivedSampleIds.push(sampleId);
  }
  for (const barcode of conditionOf.keys()) {
    if (!onManifest.has(barcode)) accession.unexpectedBarcodes.push(barcode);
  }
  return accession;
}
