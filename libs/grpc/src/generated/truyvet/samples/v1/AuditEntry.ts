// Original file: protos/truyvet/samples/v1/persons.proto


export interface AuditEntry {
  'at'?: (string);
  'by'?: (string);
  'action'?: (string);
  'reason'?: (string);
  'changedFields'?: (string)[];
  'previousJson'?: (string);
  'survivorId'?: (string);
}

export interface AuditEntry__Output {
  'at': (string);
  'by': (string);
  'action': (string);
  'reason': (string);
  'changedFields': (string)[];
  'previousJson': (string);
  'survivorId': (string);
}
