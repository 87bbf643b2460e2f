// Original file: protos/truyvet/reports/v1/reports.proto


export interface Overdue {
  'samplesAwaitingResult'?: (number);
  'testOrders'?: (number);
  'isolationAwaitingBed'?: (number);
}

export interface Overdue__Output {
  'samplesAwaitingResult': (number);
  'testOrders': (number);
  'isolationAwaitingBed': (number);
}
