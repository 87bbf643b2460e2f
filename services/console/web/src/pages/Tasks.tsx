import { useEffect, useState } from 'react';
import { api, ApiError, OfflineError, type Outcome, type Task } from '../api';
import { useI18n } from '../i18n';

/** Checked again this often, so a new F0 or F1 shows up without a reload. */
const REFRESH_MS = 5_000;

const OUTCOMES_FOR: Record<Task['kind'], Outcome[]> = {
  interview_case: ['reached', 'not_reachable', 'refused'],
  call_contact: ['reached', 'not_reachable', 'refused'],
  hotline_tip: ['reached', 'not_reachable', 'dismissed'],
  confirm_candidate: ['confirmed', 'dismissed'],
  confirm_identity: ['dismissed'],
};

/** The ward team's queue: overdue first, claim a task, end it with an outcome. */
export function Tasks({
  username,
  onOpenCase,
  onOffline,
}: {
  username: string;
  onOpenCase: (caseId: string) => void;
  onOffline: () => void;
}) {
  const { t, formatDate, formatTime } = useI18n();
  const [tasks, setTasks] = useState<Task[]>([]);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [error, setError] = useState('');
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});

  const load = () => {
    api.tasks().then(
      (answer) => {
        setTasks(answer.tasks);
        setUpdatedAt(new Date());
      },
      (e: unknown) => {
        if (e instanceof OfflineError) onOffline();
      },
    );
  };
  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, []);

  const act = (work: Promise<unknown>) => {
    setError('');
    work.then(load, (e: unknown) => {
      if (e instanceof OfflineError) onOffline();
      else setError(e instanceof ApiError ? e.message : t.somethingWrong);
    });
  };

  return (
    <main>
      <h1>{t.tasks}</h1>
      <p className="muted" aria-live="polite">
        {updatedAt ? `${t.updatedAt} ${formatTime(updatedAt)}` : ''}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {tasks.length === 0 ? <p>{t.noTasks}</p> : null}
      <ul className="tasks" aria-label={t.tasks}>
        {tasks.map((task) => {
          const choices = OUTCOMES_FOR[task.kind];
          const chosen = outcomes[task.taskId] ?? choices[0] ?? 'reached';
          return (
            <li
              key={task.taskId}
              className={task.overdue ? 'task overdue' : 'task'}
              aria-label={`${t.kinds[task.kind]} ${task.personName || task.personId}`}
            >
              <div>
                <strong>{t.kinds[task.kind]}</strong> · {task.personName || `${t.person} ${task.personId}`}
                {task.overdue ? <span className="badge">{t.overdue}</span> : null}
                {task.caseId ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      onOpenCase(task.caseId);
                    }}
                  >
                    {t.openCase}
                  </button>
                ) : null}
              </div>
              <div className="muted">
                {t.due} {formatDate(task.dueAt)} · {t.ward} {task.wardCode}
                {task.claimedBy ? ` · ${t.claimedBy} ${task.claimedBy}` : ''}
              </div>
              {task.status === 'open' ? (
                <button
                  type="button"
                  onClick={() => {
                    act(api.claimTask(task.taskId));
                  }}
                >
                  {t.claim}
                </button>
              ) : task.claimedBy === username ? (
                <form
                  className="inline"
                  onSubmit={(event) => {
                    event.preventDefault();
                    act(api.completeTask(task.taskId, chosen, notes[task.taskId] ?? ''));
                  }}
                >
                  <div className="field">
                    <label htmlFor={`outcome-${task.taskId}`}>{t.outcome}</label>
                    <select
                      id={`outcome-${task.taskId}`}
                      value={chosen}
                      onChange={(e) => {
                        setOutcomes({ ...outcomes, [task.taskId]: e.target.value as Outcome });
                      }}
                    >
                      {choices.map((o) => (
                        <option key={o} value={o}>
                          {t.outcomes[o]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`note-${task.taskId}`}>{t.note}</label>
                    <input
                      id={`note-${task.taskId}`}
                      value={notes[task.taskId] ?? ''}
                      onChange={(e) => {
                        setNotes({ ...notes, [task.taskId]: e.target.value });
                      }}
                    />
                  </div>
                  <button type="submit">{t.complete}</button>
                </form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </main>
  );
}
