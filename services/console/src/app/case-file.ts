/**
 * What a ward team needs open while interviewing an F0: the case, who the person is, their
 * household from the registry (pre-filled as contacts to confirm), the contacts already named and
 * the isolation ordered; and the contacts the interview names, turned into case-graph's input.
 * Everything is read as the signed-in user: the services decide what they may see.
 */
import type { Caller } from '@truyvet/grpc';
import type { CaseGraph, CaseView, ContactToRecord, TracingRecordView } from '../adapters/cases';
import type { PersonApi } from '../adapters/persons';
import type { HouseholdMember, NamedContact, PersonSummary } from './views';
import type { ContactEntry } from './forms';
import { chainPeople, clusterPeople, layOutGraph, type PersonGraph } from './person-graph';

export interface CaseFile {
  case: CaseView;
  /** The registry's details; null when the user's area does not cover the registration. */
  person: PersonSummary | null;
  classification: string;
  releaseStatus: string;
  orders: TracingRecordView['orders'];
  contacts: NamedContact[];
  /** Named but not yet identified in the registry (a task asks the ward to confirm who they are). */
  awaitingIdentification: Array<{ contactRef: string; fullName: string; contactType: string }>;
  household: HouseholdMember[];
}

/** A case with its person, household, contacts and orders, for the case's page. */
export async function openCaseFile(
  deps: { cases: CaseGraph; persons: PersonApi },
  caller: Caller,
  caseId: string,
): Promise<CaseFile> {
  const found = await deps.cases.getCase(caller, caseId);
  const [record, person] = await Promise.all([
    deps.cases.getRecord(caller, found.personId),
    deps.persons.person(caller, found.personId),
  ]);
  const household =
    person?.householdId !== undefined && person.householdId !== ''
      ? (await deps.persons.find(caller, { householdId: person.householdId })).filter(
          (p) => p.personId !== found.personId,
        )
      : [];
  const contactIds = new Set(record.contacts.map((c) => c.contactPersonId));
  const known = new Map(household.map((p) => [p.personId, p]));
  const missing = record.contacts.map((c) => c.contactPersonId).filter((id) => !known.has(id));
  for (const [id, p] of await deps.persons.names(caller, missing)) known.set(id, p);
  return {
    case: found,
    person: person ?? null,
    classification: record.classification,
    releaseStatus: record.releaseStatus,
    orders: record.orders,
    contacts: record.contacts.map((c) => ({
      personId: c.contactPersonId,
      fullName: known.get(c.contactPersonId)?.fullName ?? '',
      birthYear: known.get(c.contactPersonId)?.birthYear ?? 0,
      contactType: c.contactType,
      lastExposureOn: c.lastExposureOn,
      via: c.via,
    })),
    awaitingIdentification: record.pendingContacts.map((p) => ({
      contactRef: p.contactRef,
      fullName: p.fullName,
      contactType: p.contactType,
    })),
    household: household
      .map((p) => ({
        personId: p.personId,
        fullName: p.fullName,
        birthYear: p.birthYear,
        isContact: contactIds.has(p.personId),
      }))
      .sort((a, b) => a.birthYear - b.birthYear),
  };
}

/**
 * The contacts as case-graph takes them: a picked person by id, anyone else by their details with
 * an address in their ward (the case's when the form left it empty).
 */
export function contactsToRecord(
  entries: readonly ContactEntry[],
  caseWard: { districtCode: string; wardCode: string },
  districtOf: (wardCode: string) => string | undefined,
): ContactToRecord[] {
  return entries.map((entry) => {
    const exposure = { contactType: entry.contactType, lastExposureOn: entry.lastExposureOn };
    if (entry.personId) return { personId: entry.personId, ...exposure };
    const wardCode = entry.wardCode || caseWard.wardCode;
    return {
      details: {
        fullName: entry.fullName,
        birthYear: entry.birthYear ?? 0,
        phone: entry.phone,
        address: {
          wardCode,
          districtCode: districtOf(wardCode) ?? (wardCode === caseWard.wardCode ? caseWard.districtCode : ''),
        },
      },
      ...exposure,
    };
  });
}

/**
 * case-graph's field names for a contact (`contacts.2.details.address.wardCode`) as the form's
 * (`contacts.2.wardCode`), so an error shows at the field typed.
 */
export function contactFormField(field: string): string {
  return field.replace(/^(contacts\.\d+\.)details\.(?:address\.)?/, '$1');
}

export type GraphView = 'chain' | 'cluster';

/** A case's chain (its person's sources and spread) or its whole cluster, laid out to draw. */
export async function drawCase(
  deps: { cases: CaseGraph; persons: PersonApi },
  caller: Caller,
  caseId: string,
  view: GraphView,
): Promise<PersonGraph & { view: GraphView; clusterId: string }> {
  const found = await deps.cases.getCase(caller, caseId);
  const people =
    view === 'cluster' && found.clusterId
      ? clusterPeople(await deps.cases.getCluster(caller, found.clusterId))
      : chainPeople(await deps.cases.getChain(caller, found.personId), {
          level: 0,
          caseId: found.caseId,
          confirmedAt: found.confirmedAt,
        });
  const graph = layOutGraph(people, found.personId, new Map());
  const names = await deps.persons.names(
    caller,
    graph.nodes.map((n) => n.id),
  );
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({ ...n, name: names.get(n.id)?.fullName ?? '' })),
    view: view === 'cluster' && found.clusterId ? 'cluster' : 'chain',
    clusterId: found.clusterId,
  };
}
