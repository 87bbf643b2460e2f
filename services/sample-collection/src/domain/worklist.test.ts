import { describe, expect, it } from '@jest/globals';
import { isOverdueOrder, openEntry, worklistOrder, type WorklistEntry } from './worklist';

const area = { districtCode: '916', wardCode: '31117' };
const entry = (orderId: string, dueBy: string, status: WorklistEntry['status'] = 'open'): WorklistEntry => ({
  ...openEntry({ orderId, personId: `p-${orderId}`, reason: 'f1_follow_up', dueBy }, area),
  status,
});
const now = new Date('2021-11-07T12:00:00+07:00');

describe('worklist', () => {
  it('is overdue when open past its due time', () => {
    expect(isOverdueOrder(entry('a', '2021-11-07T08:00:00+07:00'), now)).toBe(true);
    expect(isOverdueOrder(entry('b', '2021-11-08T08:00:00+07:00'), now)).toBe(false);
    expect(isOverdueOrder(entry('c', '2021-11-07T08:00:00+07:00', 'fulfilled'), now)).toBe(false);
  });

  it('puts overdue orders first, then the earliest due', () => {
    const sorted = worklistOrder(
      [
        entry('later', '2021-11-09T08:00:00+07:00'),
        entry('late', '2021-11-06T08:00:00+07:00'),
        entry('soon', '2021-11-08T08:00:00+07:00'),
        entry('later-late', '2021-11-07T09:00:00+07:00'),
      ],
      now,
    );
    expect(sorted.map((e) => e.order.orderId)).toEqual(['late', 'later-late', 'soon', 'later']);
  });
});
