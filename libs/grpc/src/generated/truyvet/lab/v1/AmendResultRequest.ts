// Original file: protos/truyvet/lab/v1/lab.proto


export interface AmendResultRequest {
  'barcode'?: (string);
  'method'?: (string);
  'outcome'?: (string);
  'ctValues'?: ({[key: string]: number | string});
  'kitId'?: (string);
  'runId'?: (string);
  'instrument'?: (string);
  'reason'?: (string);
}

export interface AmendResultRequest__Output {
  'barcode': (string);
  'method': (string);
  'outcome': (string);
  'ctValues': ({[key: string]: number});
  'kitId': (string);
  'runId': (string);
  'instrument': (string);
  'reason': (string);
}
