// Original file: protos/truyvet/lab/v1/lab.proto


export interface RecordResultRequest {
  'barcode'?: (string);
  'method'?: (string);
  'outcome'?: (string);
  'ctValues'?: ({[key: string]: number | string});
  'kitId'?: (string);
  'runId'?: (string);
  'instrument'?: (string);
  'resultedAt'?: (string);
}

export interface RecordResultRequest__Output {
  'barcode': (string);
  'method': (string);
  'outcome': (string);
  'ctValues': ({[key: string]: number});
  'kitId': (string);
  'runId': (string);
  'instrument': (string);
  'resultedAt': (string);
}
