// Original file: protos/truyvet/cases/v1/cases.proto


export interface ReportTipRequest {
  'districtCode'?: (string);
  'wardCode'?: (string);
  'description'?: (string);
  'reporterPhone'?: (string);
  'place'?: (string);
  'personId'?: (string);
}

export interface ReportTipRequest__Output {
  'districtCode': (string);
  'wardCode': (string);
  'description': (string);
  'reporterPhone': (string);
  'place': (string);
  'personId': (string);
}
