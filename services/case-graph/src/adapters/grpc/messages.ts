/** Domain values as case-graph's gRPC messages: the one place they are mapped. */
import { type FieldViolation } from '@truyvet/errors';
import type {
  ReachedContact as ReachedContactMessage,
  CaseView,
  Facility as FacilityMessage,
  IsolationOrder as OrderMessage,
  PersonRecord,
  RowResult,
  Task as TaskMessage,
} from '@truyvet/grpc/cases';
import { freeBeds, type FacilityState } from '../../domain/facility';
import type { ReachedContact } from '../../domain/graph';
import type { ContactOutcome } from '../../domain/record';
import { isOverdue, type TracingTask } from '../../domain/tasks';
import type { CaseEpisode, IsolationOrder, TracingRecord } from '../../domain/types';

export function orderMessage(order: IsolationOrder): OrderMessage {
  const next = order.tests
    .filter((t) => t.status === 'open')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  return {
    orderId: order.orderId,
    kind: order.kind,
    reason: order.reason,
    level: order.level ?? -1,
    tier: order.tier ?? '',
    startsOn: order.startsOn,
    endsOn: order.endsOn ?? '',
    status: order.status,
    endedOn: order.endedOn ?? '',
    endReason: order.endReason ?? '',
    facilityId: order.facilityId ?? '',
    facilityName: order.facilityName ?? '',
    waitlisted: order.waitlisted ?? false,
    ruleSetId: order.ruleSetId,
    tests: order.tests.map((t) => ({ orderId: t.orderId, day: t.day, dueOn: t.dueOn, status: t.status })),
    nextTestOn: next?.dueOn ?? '',
  };
}

export function caseMessage(record: TracingRecord, episode: CaseEpisode): CaseView {
  const treatment = record.orders.filter((o) => o.caseId === episode.caseId && o.kind === 'treatment').at(-1);
  return {
    caseId: episode.caseId,
    personId: record.personId,
    episode: episode.episode,
    status: episode.status,
    foundIn: episode.foundIn,
    confirmedAt: episode.confirmedAt,
    infectiousFrom: episode.infectiousFrom,
    infectiousUntil: episode.infectiousUntil,
    symptomOnset: episode.symptomOnset ?? '',
    severity: episode.severity ?? '',
    likelySourcePersonId: episode.likelySourcePersonId ?? '',
    clusterId: episode.clusterId,
    districtCode: episode.districtCode,
    wardCode: episode.wardCode ?? '',
    resultIds: episode.positives.map((p) => p.resultId),
    sampleIds: [...new Set(episode.positives.map((p) => p.sampleId))],
    closedOn: episode.closedOn ?? '',
    treatment: treatment ? orderMessage(treatment) : null,
    contacts: record.contacts.length,
  };
}

export function recordMessage(record: TracingRecord, releaseStatus: string): PersonRecord {
  const c = record.classification;
  return {
    personId: record.personId,
    districtCode: record.area.districtCode,
    wardCode: record.area.wardCode ?? '',
    classification: c.level === null ? '' : `F${c.level}`,
    level: c.level ?? -1,
    path: c.path,
    rootCaseId: c.rootCaseId ?? '',
    clusterId: c.clusterId ?? '',
    sourcePersonId: c.sourcePersonId ?? '',
    lastExposureOn: c.lastExposureOn ?? '',
    cases: record.cases.map((e) => caseMessage(record, e)),
    exposures: record.exposures.map((e) => ({
      sourcePersonId: e.sourcePersonId,
      contactType: e.contactType,
      lastExposureOn: e.lastExposureOn,
      via: e.via,
      sourceLevel: e.source.level ?? -1,
    })),
    contacts: record.contacts.map((k) => ({
      contactPersonId: k.contactPersonId,
      contactType: k.contactType,
      lastExposureOn: k.lastExposureOn,
      via: k.via,
      recordedBy: k.recordedBy,
    })),
    pendingContacts: record.pendingContacts.map((p) => ({
      contactRef: p.contactRef,
      fullName: p.details.fullName,
      contactType: p.contactType,
      lastExposureOn: p.lastExposureOn,
      candidates: p.candidates ?? [],
    })),
    orders: record.orders.map(orderMessage),
    arrivals: record.arrivals.map((a) => ({
      fromAreaCode: a.fromAreaCode,
      fromAreaName: a.fromAreaName ?? '',
      arrivedOn: a.arrivedOn,
      epidemicArea: a.epidemicArea,
    })),
    releaseStatus,
    resultIds: record.results.map((r) => r.resultId),
  };
}

export function taskMessage(task: TracingTask, now: Date): TaskMessage {
  return {
    taskId: task.taskId,
    kind: task.kind,
    status: task.status,
    districtCode: task.districtCode,
    wardCode: task.wardCode ?? '',
    personId: task.personId ?? '',
    caseId: task.caseId ?? '',
    contactRef: task.contactRef ?? '',
    candidates: task.candidates ?? [],
    candidate: task.candidate ?? null,
    tip: task.tip
      ? {
          description: task.tip.description,
          reporterPhone: task.tip.reporterPhone ?? '',
          place: task.tip.place ?? '',
          personId: task.tip.personId ?? '',
        }
      : null,
    createdAt: task.createdAt,
    dueAt: task.dueAt,
    overdue: isOverdue(task, now),
    claimedBy: task.claimedBy ?? '',
    outcome: task.outcome ?? '',
    note: task.note ?? '',
    completedAt: task.completedAt ?? '',
    history: task.history.map((h) => ({
      at: h.at,
      by: h.by,
      action: h.action,
      outcome: h.outcome ?? '',
      note: h.note ?? '',
      toWardCode: h.toWardCode ?? '',
    })),
  };
}

export function facilityMessage(f: FacilityState): FacilityMessage {
  return {
    facilityId: f.facilityId,
    name: f.name,
    districtCode: f.districtCode,
    wardCode: f.wardCode ?? '',
    accepts: f.accepts,
    capacity: f.capacity,
    occupied: f.occupants.length,
    free: freeBeds(f),
    servesWholeCity: f.servesWholeCity === true,
  };
}

export function rowResults(outcomes: readonly ContactOutcome[], indexes: readonly number[]): RowResult[] {
  return outcomes.map((o) => ({
    index: indexes[o.index] ?? o.index,
    status: o.status,
    contactId: o.contactId ?? '',
    contactRef: o.contactRef ?? '',
    ...(o.fields
      ? {
          rejected: {
            fieldViolations: o.fields.map((f) => ({
              ...f,
              field: f.field.replace(/^contacts\.\d+\./, 'contact.'),
            })),
          },
        }
      : {}),
    errorCode: o.status === 'rejected' ? 'INVALID_ARGUMENT' : '',
  }));
}

export function rejectedRow(index: number, fields: readonly FieldViolation[], code: string): RowResult {
  return { index, status: 'rejected', rejected: { fieldViolations: [...fields] }, errorCode: code };
}

/** Rows a bulk call works on at once. */

/** A contact reached in the graph; its level only when the caller may see it. */
export function reachedMessage(c: ReachedContact, showLevel: boolean): ReachedContactMessage {
  return {
    personId: c.personId,
    distance: c.distance,
    viaPersonId: c.viaPersonId,
    contactType: c.contactType,
    lastExposureOn: c.lastExposureOn,
    level: showLevel ? (c.level ?? -1) : -1,
  };
}
