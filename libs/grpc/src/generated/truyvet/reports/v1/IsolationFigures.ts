// Original file: protos/truyvet/reports/v1/reports.proto


export interface IsolationFigures {
  'f1Centralized'?: (number);
  'f1CentralizedAwaitingBed'?: (number);
  'f1Home'?: (number);
  'f2SelfMonitoring'?: (number);
  'arrivalsCentralized'?: (number);
  'suspectsIsolated'?: (number);
}

export interface IsolationFigures__Output {
  'f1Centralized': (number);
  'f1CentralizedAwaitingBed': (number);
  'f1Home': (number);
  'f2SelfMonitoring': (number);
  'arrivalsCentralized': (number);
  'suspectsIsolated': (number);
}
