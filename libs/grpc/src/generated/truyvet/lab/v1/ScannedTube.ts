// Original file: protos/truyvet/lab/v1/lab.proto


export interface ScannedTube {
  'barcode'?: (string);
  'condition'?: (string);
}

export interface ScannedTube__Output {
  'barcode': (string);
  'condition': (string);
}
