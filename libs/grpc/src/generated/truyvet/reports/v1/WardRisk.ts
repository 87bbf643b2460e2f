// Original file: protos/truyvet/reports/v1/reports.proto


export interface WardRisk {
  'wardCode'?: (string);
  'wardName'?: (string);
  'districtCode'?: (string);
  'population'?: (number);
  'communityCases'?: (number);
  'casesPer100k'?: (number | string);
  'coverage'?: (number | string);
  'level'?: (number);
}

export interface WardRisk__Output {
  'wardCode': (string);
  'wardName': (string);
  'districtCode': (string);
  'population': (number);
  'communityCases': (number);
  'casesPer100k': (number);
  'coverage': (number);
  'level': (number);
}
