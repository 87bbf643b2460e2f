// Original file: protos/truyvet/cases/v1/cases.proto


export interface ScheduledTest {
  'orderId'?: (string);
  'day'?: (number);
  'dueOn'?: (string);
  'status'?: (string);
}

export interface ScheduledTest__Output {
  'orderId': (string);
  'day': (number);
  'dueOn': (string);
  'status': (string);
}
