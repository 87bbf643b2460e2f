/**
 * Events as the other services publish them, for the reporting tests: each builder fills what the
 * schema requires and takes what a test varies.
 */
import {
  CaseConfirmedV1,
  CaseDiedV1,
  CaseRecoveredV1,
  CaseRevertedV1,
  createEvent,
  IsolationEndedV1,
  IsolationOrderedV1,
  IsolationPlacedV1,
  IsolationWaitlistedV1,
  PersonClassifiedV1,
  PersonRegisteredV1,
  PersonsMergedV1,
  PersonTestResultedV1,
  PersonUpdatedV1,
  PoolResultedV1,
  SampleCollectedV1,
  TestOrderedV1,
  type Envelope,
} from '@truyvet/events';

export const at = (day: string, hour = 9): Date =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);

export interface Place {
  districtCode: string;
  wardCode: string;
}

export function caseConfirmed(
  n: number,
  day: string,
  place: Place,
  foundIn: 'community' | 'quarantine' = 'community',
  resultedAt: Date = at(day, 8),
): Envelope {
  const personId = `p-case-${n}`;
  return createEvent(
    CaseConfirmedV1,
    {
      caseId: `${personId}/case1`,
      personId,
      episode: 1,
      resultId: `r-${n}`,
      sampleId: `s-case-${n}`,
      method: 'rt_pcr',
      collectedAt: new Date(resultedAt.getTime() - 20 * 3_600_000).toISOString(),
      resultedAt: resultedAt.toISOString(),
      confirmedAt: at(day, 9).toISOString(),
      foundIn,
      infectiousFrom: day,
      infectiousUntil: day,
      districtCode: place.districtCode,
      wardCode: place.wardCode,
      clusterId: `${personId}/case1`,
    },
    { occurredAt: at(day, 9) },
  );
}

export const caseRecovered = (n: number, day: string): Envelope =>
  createEvent(
    CaseRecoveredV1,
    {
      caseId: `p-case-${n}/case1`,
      personId: `p-case-${n}`,
      recoveredOn: day,
      basis: 'negative_test',
      ruleSetId: 'rules',
      recordedBy: 'facility',
    },
    { occurredAt: at(day, 15) },
  );

export const caseDied = (n: number, day: string): Envelope =>
  createEvent(
    CaseDiedV1,
    { caseId: `p-case-${n}/case1`, personId: `p-case-${n}`, diedOn: day, recordedBy: 'facility' },
    { occurredAt: at(day, 15) },
  );

export const caseReverted = (n: number, day: string): Envelope =>
  createEvent(
    CaseRevertedV1,
    {
      caseId: `p-case-${n}/case1`,
      personId: `p-case-${n}`,
      amendmentResultId: `r-${n}-amended`,
      reason: 'contaminated run',
    },
    { occurredAt: at(day, 16) },
  );

export interface OrderTerms {
  kind: 'centralized_quarantine' | 'home_quarantine' | 'self_monitoring' | 'treatment';
  reason?: 'contact' | 'arrival' | 'f0';
  level?: number;
  startsOn: string;
  endsOn?: string;
  place: Place;
  issuedAt?: Date;
}

export const isolationOrdered = (personId: string, terms: OrderTerms): Envelope =>
  createEvent(
    IsolationOrderedV1,
    {
      orderId: `${personId}/iso1`,
      personId,
      kind: terms.kind,
      reason: terms.reason ?? 'contact',
      level: terms.level ?? 1,
      startsOn: terms.startsOn,
      ...(terms.endsOn ? { endsOn: terms.endsOn } : {}),
      ruleSetId: 'rules',
      districtCode: terms.place.districtCode,
      wardCode: terms.place.wardCode,
    },
    { occurredAt: terms.issuedAt ?? at(terms.startsOn, 10) },
  );

export const isolationEnded = (personId: string, kind: OrderTerms['kind'], endedOn: string): Envelope =>
  createEvent(
    IsolationEndedV1,
    { orderId: `${personId}/iso1`, personId, kind, endedOn, reason: 'released' },
    { occurredAt: at(endedOn, 11) },
  );

export const isolationPlaced = (personId: string, placedAt: Date, districtCode: string): Envelope =>
  createEvent(
    IsolationPlacedV1,
    {
      orderId: `${personId}/iso1`,
      personId,
      facilityId: 'ktx-1',
      facilityName: 'Ký túc xá',
      facilityDistrictCode: districtCode,
    },
    { occurredAt: placedAt },
  );

export const isolationWaitlisted = (personId: string, at_: Date, districtCode: string): Envelope =>
  createEvent(
    IsolationWaitlistedV1,
    { orderId: `${personId}/iso1`, personId, districtCode },
    { occurredAt: at_ },
  );

export const classifiedF1 = (
  personId: string,
  rootCaseId: string,
  occurredAt: Date,
  recordVersion = 1,
): Envelope =>
  createEvent(
    PersonClassifiedV1,
    {
      personId,
      level: 1,
      previousLevel: null,
      rootCaseId,
      clusterId: rootCaseId,
      path: [rootCaseId.split('/')[0] ?? rootCaseId, personId],
      sourcePersonId: rootCaseId.split('/')[0] ?? rootCaseId,
      lastExposureOn: occurredAt.toISOString().slice(0, 10),
      reason: 'exposure',
      recordVersion,
    },
    { occurredAt },
  );

const personDetails = (place: Place, doseDates: readonly string[]) => ({
  fullName: 'Nguyễn Văn A',
  birthYear: 1980,
  address: place,
  vaccinations: doseDates.map((date, i) => ({ dose: i + 1, date })),
  comorbidities: [],
});

export const personRegistered = (personId: string, place: Place, doseDates: string[] = []): Envelope =>
  createEvent(PersonRegisteredV1, {
    personId,
    details: personDetails(place, doseDates),
    registeredBy: 'district',
  });

/** A correction of where the person lives and which doses they had. */
export const personUpdated = (personId: string, place: Place, doseDates: string[] = []): Envelope =>
  createEvent(PersonUpdatedV1, {
    personId,
    details: personDetails(place, doseDates),
    changedFields: ['address', 'vaccinations'],
    reason: 'corrected from the vaccination card',
    updatedBy: 'ward',
  });

export const personsMerged = (survivorId: string, mergedId: string): Envelope =>
  createEvent(PersonsMergedV1, { survivorId, mergedId, reason: 'same national id', mergedBy: 'district' });

export function sampleCollected(
  sampleId: string,
  personIds: string[],
  collectedAt: Date,
  place: Place,
): Envelope {
  return createEvent(
    SampleCollectedV1,
    {
      sampleId,
      barcode: `TV${sampleId.replace(/^s-/, '')}`,
      pooled: personIds.length > 1,
      personIds,
      collectedAt: collectedAt.toISOString(),
      site: place,
      reason: 'mass_testing',
      specimenType: 'nasopharyngeal',
    },
    { occurredAt: collectedAt },
  );
}

interface Resulting {
  sampleId: string;
  outcome: 'positive' | 'negative' | 'inconclusive' | 'rejected';
  collectedAt: Date;
  resultedAt: Date;
  place: Place;
}

function resultFacts(r: Resulting) {
  return {
    resultId: `res-${r.sampleId}`,
    sampleId: r.sampleId,
    barcode: `TV${r.sampleId.replace(/^s-/, '')}`,
    method: 'rt_pcr' as const,
    outcome: r.outcome,
    ruleSetId: 'rules',
    labId: 'lab-92',
    recordedBy: 'lab',
    collectedAt: r.collectedAt.toISOString(),
    resultedAt: r.resultedAt.toISOString(),
    samplingReason: 'mass_testing' as const,
    siteDistrictCode: r.place.districtCode,
    siteWardCode: r.place.wardCode,
  };
}

export const poolResulted = (r: Resulting, personIds: string[]): Envelope =>
  createEvent(PoolResultedV1, { ...resultFacts(r), personIds }, { occurredAt: r.resultedAt });

export const personResulted = (r: Resulting, personId: string): Envelope =>
  createEvent(
    PersonTestResultedV1,
    { ...resultFacts(r), personId, pooled: false },
    { occurredAt: r.resultedAt },
  );

export const testOrdered = (orderId: string, personId: string, dueBy: Date, orderedAt: Date): Envelope =>
  createEvent(
    TestOrderedV1,
    { orderId, personId, reason: 'f1_follow_up', dueBy: dueBy.toISOString() },
    { occurredAt: orderedAt },
  );
