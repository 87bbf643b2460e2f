import { describe, expect, it } from '@jest/globals';
import { claimTask, completeTask, isOverdue, newTask, queueOrder, type TracingTask } from './tasks';

const at = (iso: string): Date => new Date(iso);
const t0 = at('2021-11-08T08:00:00+07:00');

function task(id: string, dueHours = 4, now = t0): TracingTask {
  return newTask(
    { taskId: id, kind: 'call_contact', districtCode: '918', wardCode: '31168', personId: 'p-b' },
    now,
    dueHours,
  );
}

function claimed(t: TracingTask, by = 'tracer-1'): TracingTask {
  const next = claimTask(t, by, t0);
  if (next === 'unchanged') throw new Error('expected a claim');
  return next;
}

describe('tracing tasks', () => {
  it('are due after the hours the rule set gives, and overdue after that', () => {
    const t = task('call/1');
    expect(t.dueAt).toBe(new Date(t0.getTime() + 4 * 3_600_000).toISOString());
    expect(isOverdue(t, at('2021-11-08T11:59:00+07:00'))).toBe(false);
    expect(isOverdue(t, at('2021-11-08T12:01:00+07:00'))).toBe(true);
  });

  it('queue overdue first, then by due time', () => {
    const late = task('late', 1, at('2021-11-08T06:00:00+07:00'));
    const soon = task('soon', 1);
    const later = task('later', 8);
    expect(queueOrder([later, soon, late], at('2021-11-08T08:30:00+07:00')).map((t) => t.taskId)).toEqual([
      'late',
      'soon',
      'later',
    ]);
  });

  it('are claimed by one tracer at a time', () => {
    const mine = claimed(task('call/1'));
    expect(claimTask(mine, 'tracer-1', t0)).toBe('unchanged');
    expect(() => claimTask(mine, 'tracer-2', t0)).toThrow(/claimed by tracer-1/);
  });

  it('complete with an outcome of their kind, by whoever claimed them or a supervisor', () => {
    const mine = claimed(task('call/1'));
    expect(() =>
      completeTask(task('call/2'), { outcome: 'reached', by: 'tracer-1', supervisor: false }, t0),
    ).toThrow(/claim task call\/2/);
    expect(() => completeTask(mine, { outcome: 'reached', by: 'tracer-2', supervisor: false }, t0)).toThrow(
      /claimed by tracer-1/,
    );
    expect(() => completeTask(mine, { outcome: 'confirmed', by: 'tracer-1', supervisor: false }, t0)).toThrow(
      /a call_contact task ends reached, not_reachable, refused, moved/,
    );
    const done = completeTask(
      mine,
      { outcome: 'not_reachable', by: 'lead', supervisor: true, note: 'máy bận' },
      t0,
    );
    expect(done).toMatchObject({ status: 'done', outcome: 'not_reachable', note: 'máy bận' });
    if (done === 'unchanged') throw new Error('expected done');
    expect(completeTask(done, { outcome: 'not_reachable', by: 'lead', supervisor: true }, t0)).toBe(
      'unchanged',
    );
    expect(() => completeTask(done, { outcome: 'reached', by: 'lead', supervisor: true }, t0)).toThrow(
      /already done/,
    );
  });

  it('hand a person who moved to the ward they moved to, open again there', () => {
    const moved = completeTask(
      claimed(task('call/1')),
      {
        outcome: 'moved',
        by: 'tracer-1',
        supervisor: false,
        movedTo: { districtCode: '916', wardCode: '31117' },
      },
      t0,
    );
    expect(moved).toMatchObject({ status: 'open', districtCode: '916', wardCode: '31117' });
    if (moved === 'unchanged') throw new Error('expected a hand-over');
    expect(moved.claimedBy).toBeUndefined();
    expect(moved.history.at(-1)).toMatchObject({ action: 'handed_over', toWardCode: '31117' });
    expect(() =>
      completeTask(claimed(task('call/3')), { outcome: 'moved', by: 'tracer-1', supervisor: false }, t0),
    ).toThrow(/say which ward/);
  });
});
