// Original file: protos/truyvet/lab/v1/lab.proto


export interface ResultEntry {
  'resultId'?: (string);
  'method'?: (string);
  'outcome'?: (string);
  'ctValues'?: ({[key: string]: number | string});
  'kitId'?: (string);
  'ruleSetId'?: (string);
  'resultedAt'?: (string);
  'recordedBy'?: (string);
  'amends'?: (string);
  'reason'?: (string);
  'runId'?: (string);
  'instrument'?: (string);
}

export interface ResultEntry__Output {
  'resultId': (string);
  'method': (string);
  'outcome': (string);
  'ctValues': ({[key: string]: number});
  'kitId': (string);
  'ruleSetId': (string);
  'resultedAt': (string);
  'recordedBy': (string);
  'amends': (string);
  'reason': (string);
  'runId': (string);
  'instrument': (string);
}
