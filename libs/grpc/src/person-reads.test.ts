import { describe, expect, it } from '@jest/globals';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as protobuf from 'protobufjs';
import { PROTOS_DIR } from './proto';
import { isPersonField } from './person-reads';

function protoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return protoFiles(full);
    return name.endsWith('.proto') ? [full] : [];
  });
}

function messages(namespace: protobuf.NamespaceBase): protobuf.Type[] {
  return namespace.nestedArray.flatMap((nested) => [
    ...(nested instanceof protobuf.Type ? [nested] : []),
    ...(nested instanceof protobuf.Namespace || nested instanceof protobuf.Type ? messages(nested) : []),
  ]);
}

/** Fields whose names say they point at someone or something: each is a person's id or is not. */
const POINTER = /(Id|Ids|By|Into|A|B)$/;
/** Lists of strings are decided one by one too, whatever their name (a list of ids is a path). */
const isList = (field: protobuf.Field): boolean => field.repeated;

/** Pointers that are not people (a new one must be put here or recognised as a person's). */
const NOT_PEOPLE = new Set([
  // records and things
  'caseId',
  'clusterId',
  'facilityId',
  'householdId',
  'kitId',
  'labId',
  'orderId',
  'openOrderIds',
  'resultId',
  'resultIds',
  'rootCaseId',
  'ruleSetId',
  'runId',
  'sampleId',
  'sampleIds',
  'missingSampleIds',
  'overdueSampleIds',
  'receivedSampleIds',
  'rejectedSampleIds',
  'shipmentId',
  'taskId',
  'venueId',
  'correlationId',
  // staff and teams (accounts, not people in the registry)
  'claimedBy',
  'recordedBy',
  'teamId',
  // a date
  'dueBy',
  // a person's detail, always answered inside their record (which names them by person_id)
  'nationalId',
  // lists of words, codes and names, not people
  'accepts',
  'changedFields',
  'comorbidities',
  'reasons',
  'unexpectedBarcodes',
]);

describe('the people an answer names', () => {
  it('knows every field of every proto that points at someone: a person, or said not to be', () => {
    const root = new protobuf.Root();
    root.resolvePath = (_origin, target) =>
      path.isAbsolute(target) ? target : path.join(PROTOS_DIR, target);
    root.loadSync(protoFiles(path.join(PROTOS_DIR, 'truyvet')), { keepCase: false });
    const undecided = messages(root)
      .filter((type) => type.fullName.startsWith('.truyvet.'))
      .flatMap((type) =>
        type.fieldsArray
          .filter((f) => f.type === 'string' && (POINTER.test(f.name) || isList(f)))
          .filter((f) => !isPersonField(f.name) && !NOT_PEOPLE.has(f.name))
          .map((f) => `${type.fullName}.${f.name}`),
      );
    expect(undecided).toEqual([]);
  });
});
