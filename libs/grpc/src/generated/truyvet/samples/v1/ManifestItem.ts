// Original file: protos/truyvet/samples/v1/samples.proto


export interface ManifestItem {
  'sampleId'?: (string);
  'barcode'?: (string);
}

export interface ManifestItem__Output {
  'sampleId': (string);
  'barcode': (string);
}
