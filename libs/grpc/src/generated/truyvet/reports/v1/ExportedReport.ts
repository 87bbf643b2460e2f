// Original file: protos/truyvet/reports/v1/reports.proto


export interface ExportedReport {
  'contentType'?: (string);
  'fileName'?: (string);
  'content'?: (string);
  'personIds'?: (string)[];
}

export interface ExportedReport__Output {
  'contentType': (string);
  'fileName': (string);
  'content': (string);
  'personIds': (string)[];
}
