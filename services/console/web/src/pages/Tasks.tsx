import { useEffect, useState } from 'react';
import { api, ApiError, OfflineError, type Areas, type Outcome, type Task } from '../api';
import { errorsByField } from '../Field';
import { nameIn, useI18n } from '../i18n';

/** Checked again this often, so a new F0 or F1 shows up without a reload. */
const REFRESH_MS = 5_000;

/** The outcomes case-graph takes for each kind of task. */
const OUTCOMES_FOR: Record<Task['kind'], Outcome[]> = {
  interview_case: ['reached', 'not_reachable', 'refused', 'moved'],
  call_contact: ['reached', 'not_reachable', 'refused', 'moved'],
  hotline_tip: ['reached', 'not_reachable', 'dismissed', 'moved'],
  confirm_candidate: ['confirmed', 'dismissed'],
  confirm_identity: ['confirmed', 'dismissed'],
  missing_last_test: ['reached', 'not_reachable', 'refused', 'moved'],
};

/** A candidate's radio value for "none of them: a new person". */
const NEW_PERSON = '';

/** The fields the outcome form shows an error next to (any other error goes on top). */
const ON_TASK_FORM = new Set(['movedToWardCode', 'chosenPersonId']);

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
  const [movedTo, setMovedTo] = useState<Record<string, string>>({});
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, Record<string, string>>>({});
  const [city, setCity] = useState<Areas | null>(null);

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
    // Every ward of the city, for where a person moved to.
    api.areas('city').then(setCity, () => undefined);
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, []);

  const errorsOf = (taskId: string, errors: Record<string, string>) => {
    setFieldErrors((all) => ({ ...all, [taskId]: errors }));
  };
  const act = (work: Promise<unknown>, taskId?: string) => {
    setError('');
    work.then(
      () => {
        if (taskId) errorsOf(taskId, {});
        load();
      },
      (e: unknown) => {
        if (e instanceof OfflineError) onOffline();
        else if (
          taskId &&
          e instanceof ApiError &&
          e.fields.every((f) => ON_TASK_FORM.has(f.field)) &&
          e.fields.length > 0
        )
          errorsOf(taskId, errorsByField(e.fields));
        else setError(e instanceof ApiError ? e.message : t.somethingWrong);
      },
    );
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
          const outcome = outcomes[task.taskId] ?? choices[0] ?? 'reached';
          const errors = fieldErrors[task.taskId] ?? {};
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
                    // Who the contact is must be a choice, never a default: a hasty answer would
                    // register a second person.
                    if (
                      outcome === 'confirmed' &&
                      task.kind === 'confirm_identity' &&
                      !(task.taskId in chosen)
                    ) {
                      errorsOf(task.taskId, { chosenPersonId: t.chooseWho });
                      return;
                    }
                    act(
                      api.completeTask(task.taskId, {
                        outcome,
                        note: notes[task.taskId] ?? '',
                        movedToWardCode: outcome === 'moved' ? (movedTo[task.taskId] ?? '') : '',
                        chosenPersonId:
                          outcome === 'confirmed' ? (chosen[task.taskId] ?? NEW_PERSON) : NEW_PERSON,
                      }),
                      task.taskId,
                    );
                  }}
                >
                  <div className="field">
                    <label htmlFor={`outcome-${task.taskId}`}>{t.outcome}</label>
                    <select
                      id={`outcome-${task.taskId}`}
                      value={outcome}
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
                  {outcome === 'moved' ? (
                    <div className="field">
                      <label htmlFor={`moved-${task.taskId}`}>{t.movedTo}</label>
                      <select
                        id={`moved-${task.taskId}`}
                        value={movedTo[task.taskId] ?? ''}
                        aria-invalid={errors.movedToWardCode ? true : undefined}
                        onChange={(e) => {
                          setMovedTo({ ...movedTo, [task.taskId]: e.target.value });
                        }}
                      >
                        <option value="">{t.chooseWard}</option>
                        {(city?.districts ?? []).map((d) => (
                          <optgroup key={d.code} label={d.name}>
                            {d.wards.map((w) => (
                              <option key={w.code} value={w.code}>
                                {w.name}
                              </option>
                            ))}
                          </optgroup>
                        ))}
                      </select>
                      {errors.movedToWardCode ? (
                        <span className="field-error" role="alert">
                          {errors.movedToWardCode}
                        </span>
                      ) : null}
                    </div>
                  ) : null}
                  {outcome === 'confirmed' && task.kind === 'confirm_identity' ? (
                    <fieldset>
                      <legend>{t.whoIsIt}</legend>
                      {[...task.candidates, null].map((c) => {
                        const value = c?.personId ?? NEW_PERSON;
                        return (
                          <label key={value || 'new'} className="choice">
                            <input
                              type="radio"
                              name={`chosen-${task.taskId}`}
                              value={value}
                              checked={chosen[task.taskId] === value}
                              onChange={() => {
                                setChosen((all) => ({ ...all, [task.taskId]: value }));
                              }}
                            />{' '}
                            {c
                              ? `${c.fullName || c.personId}${c.birthYear ? ` (${String(c.birthYear)})` : ''} · ${c.reasons.map((r) => nameIn(t.matchReasons, r)).join(', ')}`
                              : t.newPerson}
                          </label>
                        );
                      })}
                      {errors.chosenPersonId ? (
                        <span className="field-error" role="alert">
                          {errors.chosenPersonId}
                        </span>
                      ) : null}
                    </fieldset>
                  ) : null}
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
