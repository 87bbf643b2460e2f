import { useEffect, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import {
  api,
  ApiError,
  OfflineError,
  type CaseFile,
  type CaseGraph,
  type ContactOutcome,
  type PersonSummary,
  type Role,
} from '../api';
import { Field } from '../Field';
import { GraphDrawing } from '../GraphDrawing';
import { dayInVietnam, todayInVietnam } from '../dates';
import { nameIn, useI18n } from '../i18n';
import { CONTACT_TYPES, contactsEntrySchema, formErrors, type ContactEntry } from '../../../src/app/forms';

type ContactType = (typeof CONTACT_TYPES)[number];

/** A contact being typed; `picked` when the team chose a person the registry already has. */
interface ContactRow {
  key: number;
  picked: PersonSummary | null;
  fullName: string;
  birthYear: string;
  phone: string;
  contactType: ContactType;
  lastExposureOn: string;
}

/** Asked this long after the last keystroke (one lookup per pause, not per key). */
const SUGGEST_AFTER_MS = 250;
/** When the page looks again for contacts the registry was identifying. */
const IDENTIFIED_AFTER_MS = 1_500;

let nextKey = 1;
const emptyRow = (): ContactRow => ({
  key: nextKey++,
  picked: null,
  fullName: '',
  birthYear: '',
  phone: '',
  contactType: 'same_room',
  lastExposureOn: todayInVietnam(),
});

const isBlank = (row: ContactRow) => !row.picked && !row.fullName.trim() && !row.phone.trim();

/** What the registry is asked while a row is typed: its phone, or its full name with the birth year. */
function lookupOf(row: ContactRow): { phone?: string; fullName?: string; birthYear?: string } | null {
  if (row.picked) return null;
  if (row.phone.replace(/\D/g, '').length >= 10) return { phone: row.phone };
  if (row.fullName.trim().length >= 2 && /^\d{4}$/.test(row.birthYear))
    return { fullName: row.fullName.trim(), birthYear: row.birthYear };
  return null;
}

/**
 * An F0's page for the ward team interviewing them: who they are, their household from the
 * registry (pre-ticked as household contacts), the contacts named so far, and a form to add
 * contacts fast from the keyboard with the registry's people suggested while typing. Below, the
 * case's chain (and, for district and city, its whole cluster) as a drawing.
 */
export function CasePage({
  caseId: opened,
  role,
  onOpenCase,
  onOffline,
}: {
  caseId: string;
  role: Role;
  onOpenCase: (caseId: string) => void;
  onOffline: () => void;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const [lookup, setLookup] = useState(opened);
  const [file, setFile] = useState<CaseFile | null>(null);
  const [error, setError] = useState('');
  const [graph, setGraph] = useState<CaseGraph | null>(null);
  const [graphError, setGraphError] = useState('');
  const [view, setView] = useState<'chain' | 'cluster'>('chain');
  const [household, setHousehold] = useState<Record<string, boolean>>({});
  const [householdDay, setHouseholdDay] = useState(todayInVietnam());
  const [rows, setRows] = useState<ContactRow[]>([emptyRow()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [saved, setSaved] = useState<ContactOutcome[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [suggestions, setSuggestions] = useState<{ row: number; persons: PersonSummary[] }>({
    row: 0,
    persons: [],
  });
  const [highlight, setHighlight] = useState(-1);
  const [activeRow, setActiveRow] = useState(0);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const nameFields = useRef(new Map<number, HTMLInputElement>());
  const asked = useRef(0);

  const failed = (e: unknown, show: (message: string) => void) => {
    if (e instanceof OfflineError) onOffline();
    else if (e instanceof ApiError && e.status === 403) show(t.notPermitted);
    else if (e instanceof ApiError && e.status === 404) show(t.notFound);
    else show(e instanceof ApiError ? e.message : t.somethingWrong);
  };

  const graphAsked = useRef(0);
  /** The view chosen, for reloads started before the choice changed. */
  const viewNow = useRef(view);
  const loadGraph = (caseId: string, which: 'chain' | 'cluster') => {
    setGraphError('');
    viewNow.current = which;
    const seq = ++graphAsked.current;
    api.caseGraph(caseId, which).then(
      (answer) => {
        if (seq === graphAsked.current) setGraph(answer);
      },
      (e: unknown) => {
        if (seq !== graphAsked.current) return;
        setGraph(null);
        failed(e, setGraphError);
      },
    );
  };
  /** The case on screen (or being opened), and the reload a save scheduled for it. */
  const onScreen = useRef('');
  const reload = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(reload.current);
    },
    [],
  );

  const open = (caseId: string) => {
    const id = caseId.trim();
    if (!id) return;
    setError('');
    const again = id === onScreen.current;
    onScreen.current = id;
    const seq = ++asked.current;
    api.caseFile(id).then(
      (answer) => {
        // A slower answer for a case asked before must not replace the one asked last.
        if (seq !== asked.current) return;
        setFile(answer);
        setLookup(answer.case.caseId);
        // The same case again (after a save): the team's own ticks stay.
        setHousehold((ticked) =>
          Object.fromEntries(
            answer.household.map((m) => [
              m.personId,
              !m.isContact && (again ? (ticked[m.personId] ?? true) : true),
            ]),
          ),
        );
        if (!again)
          setHouseholdDay(answer.case.confirmedAt ? dayInVietnam(answer.case.confirmedAt) : todayInVietnam());
        loadGraph(answer.case.caseId, viewNow.current);
      },
      (e: unknown) => {
        if (seq !== asked.current) return;
        setFile(null);
        setGraph(null);
        failed(e, setError);
      },
    );
  };

  const openAnother = (caseId: string) => {
    clearTimeout(reload.current);
    onScreen.current = '';
    setSaved(null);
    setRows([emptyRow()]);
    setErrors({});
    setFormError('');
    open(caseId);
  };

  useEffect(() => {
    if (opened) openAnother(opened);
  }, [opened]);

  // Suggestions for the row being typed, asked after a pause; an answer to an older question is dropped.
  const typing = rows.find((r) => r.key === activeRow);
  const question = typing ? lookupOf(typing) : null;
  const questionKey = JSON.stringify(question);
  const suggestSeq = useRef(0);
  useEffect(() => {
    if (!question || !typing) {
      setSuggestions({ row: activeRow, persons: [] });
      return undefined;
    }
    const seq = ++suggestSeq.current;
    const timer = setTimeout(() => {
      api.findPersons(question).then(
        (persons) => {
          if (seq !== suggestSeq.current) return;
          setSuggestions({
            row: typing.key,
            persons: persons.filter((p) => p.personId !== file?.case.personId),
          });
          setHighlight(-1);
        },
        (e: unknown) => {
          if (e instanceof OfflineError) onOffline();
        },
      );
    }, SUGGEST_AFTER_MS);
    return () => {
      clearTimeout(timer);
      suggestSeq.current++; // an answer still on its way is to a question no longer asked
    };
  }, [questionKey, activeRow]);

  useEffect(() => {
    if (focusRow === null) return;
    nameFields.current.get(focusRow)?.focus();
    setFocusRow(null);
  }, [focusRow, rows]);

  const update = (key: number, change: Partial<ContactRow>) => {
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...change } : r)));
  };

  const pick = (key: number, person: PersonSummary) => {
    update(key, {
      picked: person,
      fullName: person.fullName,
      birthYear: String(person.birthYear),
      phone: person.phone,
    });
    setSuggestions({ row: key, persons: [] });
  };

  const addRow = () => {
    const row = emptyRow();
    setRows((list) => [...list, row]);
    setActiveRow(row.key);
    setFocusRow(row.key);
  };

  const shown = suggestions.row === activeRow ? suggestions.persons : [];

  /** Enter moves to the row's next field (a new row after the last), never sends half a list. */
  const onRowKey = (e: KeyboardEvent<HTMLElement>, row: ContactRow) => {
    if (e.key === 'Escape') {
      setSuggestions({ row: row.key, persons: [] });
      return;
    }
    const inName = (e.target as HTMLElement).dataset.field === 'fullName';
    if (inName && shown.length > 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      if (e.key === 'ArrowDown') setHighlight((h) => Math.min(h + 1, shown.length - 1));
      else setHighlight((h) => Math.max(h - 1, -1));
      return;
    }
    // Ctrl+Enter is the form's (it saves); a button's Enter is the button's.
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || (e.target as HTMLElement).tagName === 'BUTTON') return;
    e.preventDefault();
    const chosen = shown[highlight];
    if (inName && chosen) {
      pick(row.key, chosen);
      return;
    }
    const fields = [...e.currentTarget.querySelectorAll<HTMLElement>('input:not([disabled]), select')];
    const next = fields[fields.indexOf(e.target as HTMLElement) + 1];
    if (next) next.focus();
    else if (rows[rows.length - 1]?.key === row.key) addRow();
    else {
      const after = rows[rows.findIndex((r) => r.key === row.key) + 1];
      if (after) nameFields.current.get(after.key)?.focus();
    }
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!file || saving) return;
    setFormError('');
    setSaved(null);
    const fromHousehold = file.household.filter((m) => !m.isContact && household[m.personId]);
    const typed = rows.filter((r) => !isBlank(r));
    const blank = { fullName: '', birthYear: null, phone: '', wardCode: '' };
    const contacts: ContactEntry[] = [
      ...fromHousehold.map((m) => ({
        ...blank,
        personId: m.personId,
        contactType: 'household' as const,
        lastExposureOn: householdDay,
      })),
      ...typed.map((r) => ({
        ...blank,
        personId: r.picked?.personId ?? '',
        fullName: r.fullName,
        birthYear: /^\d+$/.test(r.birthYear) ? Number(r.birthYear) : null,
        phone: r.phone,
        contactType: r.contactType,
        lastExposureOn: r.lastExposureOn,
      })),
    ];
    // Errors by row key, so each shows in the row it is about.
    const byRow = (fields: Record<string, string>) => {
      const out: Record<string, string> = {};
      for (const [field, message] of Object.entries(fields)) {
        const match = /^contacts\.(\d+)\.(\w+)/.exec(field);
        const index = match ? Number(match[1]) - fromHousehold.length : -1;
        const row = typed[index];
        // The page's own words for the fields it knows; the service's otherwise.
        if (match && row)
          out[`${String(row.key)}.${match[2] ?? ''}`] = t.contactFieldErrors[match[2] ?? ''] ?? message;
        else if (match) out.household = message;
        else out.form = message;
      }
      return out;
    };
    const checked = contactsEntrySchema.safeParse({ contacts });
    if (!checked.success) {
      const found = byRow(formErrors(checked.error));
      setErrors(found);
      setFormError(found.form ?? found.household ?? t.fixContacts);
      return;
    }
    setErrors({});
    setSaving(true);
    api
      .recordContacts(file.case.caseId, checked.data.contacts)
      .then(
        (outcomes) => {
          const caseId = file.case.caseId;
          if (onScreen.current !== caseId) return; // another case was opened meanwhile
          setSaved(outcomes);
          // Rows typed while the save was on its way stay.
          const sent = new Set(typed.map((r) => r.key));
          setRows((list) => {
            const rest = list.filter((r) => !sent.has(r.key));
            return rest.length > 0 ? rest : [emptyRow()];
          });
          open(caseId);
          // Contacts named by their details join the list once the registry has identified them.
          clearTimeout(reload.current);
          if (outcomes.some((o) => o.status === 'awaiting_identification'))
            reload.current = setTimeout(() => {
              if (onScreen.current === caseId) open(caseId);
            }, IDENTIFIED_AFTER_MS);
        },
        (e: unknown) => {
          if (e instanceof ApiError && e.fields.length > 0) {
            const found = byRow(Object.fromEntries(e.fields.map((f) => [f.field, f.description])));
            setErrors(found);
            setFormError(found.form ?? found.household ?? e.message);
          } else failed(e, setFormError);
        },
      )
      .finally(() => {
        setSaving(false);
      });
  };

  const count = (status: ContactOutcome['status']) => saved?.filter((o) => o.status === status).length ?? 0;
  const person = file?.person;
  const treatment = file?.case.treatment;
  const showCluster = role !== 'ward_team' && Boolean(file?.case.clusterId);

  return (
    <main className="wide">
      <h1>{t.caseLookup}</h1>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          const id = lookup.trim();
          // The app keeps which case is open (a drawing's link opens another through it).
          if (id === opened) openAnother(id);
          else onOpenCase(id);
        }}
      >
        <Field
          label={t.caseId}
          name="case-id"
          value={lookup}
          onChange={(e) => {
            setLookup(e.target.value);
          }}
          required
        />
        <button type="submit">{t.find}</button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {file ? (
        <>
          <h2>
            {person ? `${person.fullName} (${String(person.birthYear)})` : file.case.personId} ·{' '}
            {file.classification || 'F0'}
          </h2>
          <dl className="case" aria-label={file.case.caseId}>
            <dt>{t.caseId}</dt>
            <dd>{file.case.caseId}</dd>
            <dt>{t.status}</dt>
            <dd>{nameIn(t.caseStatuses, file.case.status)}</dd>
            <dt>{t.foundIn}</dt>
            <dd>{nameIn(t.foundInPlaces, file.case.foundIn)}</dd>
            <dt>{t.confirmedAt}</dt>
            <dd>{formatDate(file.case.confirmedAt)}</dd>
            {person ? (
              <>
                <dt>{t.phone}</dt>
                <dd>{person.phone || '—'}</dd>
                <dt>{t.address}</dt>
                <dd>{[person.street, person.hamlet].filter(Boolean).join(', ') || '—'}</dd>
              </>
            ) : null}
            <dt>{t.ward}</dt>
            <dd>{file.case.wardCode}</dd>
            <dt>{t.treatment}</dt>
            <dd>
              {treatment
                ? `${nameIn(t.tiers, treatment.tier)}${treatment.waitlisted ? ` · ${t.awaitingPlace}` : ''}${treatment.nextTestOn ? ` · ${t.nextTest} ${formatDate(treatment.nextTestOn)}` : ''}`
                : '—'}
            </dd>
            <dt>{t.contacts}</dt>
            <dd>{formatNumber(file.contacts.length)}</dd>
          </dl>

          <h2>{t.contactsNamed}</h2>
          {file.contacts.length === 0 ? (
            <p>{t.noContactsYet}</p>
          ) : (
            <table aria-label={t.contactsNamed}>
              <thead>
                <tr>
                  <th scope="col">{t.fullName}</th>
                  <th scope="col">{t.birthYear}</th>
                  <th scope="col">{t.contactType}</th>
                  <th scope="col">{t.lastExposure}</th>
                </tr>
              </thead>
              <tbody>
                {file.contacts.map((c) => (
                  <tr key={c.personId}>
                    <td title={c.personId}>{c.fullName || t.outsideArea}</td>
                    <td>{c.birthYear || '—'}</td>
                    <td>{nameIn(t.contactTypes, c.contactType)}</td>
                    <td>{formatDate(c.lastExposureOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {file.awaitingIdentification.length > 0 ? (
            <p className="muted">
              {t.awaitingIdentification}: {file.awaitingIdentification.map((p) => p.fullName).join(', ')}
            </p>
          ) : null}

          <form
            onSubmit={submit}
            aria-label={t.addContacts}
            noValidate
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || (e.target as HTMLElement).tagName === 'BUTTON') return;
              // Plain Enter never sends the list (the rows move on with it); Ctrl+Enter does.
              e.preventDefault();
              if (e.ctrlKey || e.metaKey) e.currentTarget.requestSubmit();
            }}
          >
            <h2>{t.addContacts}</h2>
            {file.household.length > 0 ? (
              <fieldset>
                <legend>{t.householdMembers}</legend>
                <ul className="members">
                  {file.household.map((m) => (
                    <li key={m.personId}>
                      <label>
                        <input
                          type="checkbox"
                          checked={m.isContact || Boolean(household[m.personId])}
                          disabled={m.isContact}
                          onChange={(e) => {
                            setHousehold({ ...household, [m.personId]: e.target.checked });
                          }}
                        />{' '}
                        {m.fullName} ({m.birthYear}){m.isContact ? ` · ${t.alreadyContact}` : ''}
                      </label>
                    </li>
                  ))}
                </ul>
                <Field
                  label={t.householdLastExposure}
                  type="date"
                  value={householdDay}
                  error={errors.household}
                  onChange={(e) => {
                    setHouseholdDay(e.target.value);
                  }}
                />
              </fieldset>
            ) : null}
            <p className="muted">{t.contactKeys}</p>
            <table className="contact-rows">
              <thead>
                <tr>
                  <th scope="col">{t.fullName}</th>
                  <th scope="col">{t.birthYear}</th>
                  <th scope="col">{t.phone}</th>
                  <th scope="col">{t.contactType}</th>
                  <th scope="col">{t.lastExposure}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => {
                  const n = String(i + 1);
                  const err = (field: string) => errors[`${String(row.key)}.${field}`];
                  const listId = `suggest-${String(row.key)}`;
                  const listOpen = row.key === activeRow && shown.length > 0;
                  return (
                    <tr
                      key={row.key}
                      onKeyDown={(e) => {
                        onRowKey(e, row);
                      }}
                      onFocus={() => {
                        setActiveRow(row.key);
                      }}
                    >
                      <td className="suggest-cell">
                        <input
                          ref={(el) => {
                            if (el) nameFields.current.set(row.key, el);
                            else nameFields.current.delete(row.key);
                          }}
                          data-field="fullName"
                          aria-label={`${t.fullName} ${n}`}
                          role="combobox"
                          aria-autocomplete="list"
                          aria-expanded={listOpen}
                          aria-controls={listId}
                          aria-activedescendant={
                            listOpen && highlight >= 0 ? `${listId}-${String(highlight)}` : undefined
                          }
                          aria-invalid={err('fullName') ? true : undefined}
                          value={row.fullName}
                          readOnly={row.picked !== null}
                          onChange={(e) => {
                            update(row.key, { fullName: e.target.value });
                          }}
                        />
                        {row.picked ? (
                          <span className="picked">
                            {t.inRegistry}
                            <button
                              type="button"
                              className="link"
                              aria-label={`${t.unpick} ${n}`}
                              onClick={() => {
                                update(row.key, { picked: null });
                              }}
                            >
                              ×
                            </button>
                          </span>
                        ) : null}
                        {listOpen ? (
                          <ul className="suggestions" role="listbox" id={listId} aria-label={t.suggestions}>
                            {shown.map((p, k) => (
                              <li
                                key={p.personId}
                                id={`${listId}-${String(k)}`}
                                role="option"
                                aria-selected={k === highlight}
                                onMouseDown={(e) => {
                                  e.preventDefault();
                                  pick(row.key, p);
                                }}
                              >
                                <strong>{p.fullName}</strong> ({p.birthYear}) · {p.phone || '—'} ·{' '}
                                {[p.street, p.hamlet].filter(Boolean).join(', ')}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {err('fullName') ? <span className="field-error">{err('fullName')}</span> : null}
                      </td>
                      <td>
                        <input
                          aria-label={`${t.birthYear} ${n}`}
                          inputMode="numeric"
                          size={5}
                          value={row.birthYear}
                          disabled={row.picked !== null}
                          aria-invalid={err('birthYear') ? true : undefined}
                          onChange={(e) => {
                            update(row.key, { birthYear: e.target.value });
                          }}
                        />
                        {err('birthYear') ? <span className="field-error">{err('birthYear')}</span> : null}
                      </td>
                      <td>
                        <input
                          aria-label={`${t.phone} ${n}`}
                          inputMode="tel"
                          size={12}
                          value={row.phone}
                          disabled={row.picked !== null}
                          aria-invalid={err('phone') ? true : undefined}
                          onChange={(e) => {
                            update(row.key, { phone: e.target.value });
                          }}
                        />
                        {err('phone') ? <span className="field-error">{err('phone')}</span> : null}
                      </td>
                      <td>
                        <select
                          aria-label={`${t.contactType} ${n}`}
                          value={row.contactType}
                          onChange={(e) => {
                            update(row.key, { contactType: e.target.value as ContactType });
                          }}
                        >
                          {CONTACT_TYPES.map((type) => (
                            <option key={type} value={type}>
                              {t.contactTypes[type]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input
                          type="date"
                          aria-label={`${t.lastExposure} ${n}`}
                          value={row.lastExposureOn}
                          aria-invalid={err('lastExposureOn') ? true : undefined}
                          onChange={(e) => {
                            update(row.key, { lastExposureOn: e.target.value });
                          }}
                        />
                        {err('lastExposureOn') ? (
                          <span className="field-error">{err('lastExposureOn')}</span>
                        ) : null}
                      </td>
                      <td>
                        {rows.length > 1 ? (
                          <button
                            type="button"
                            className="link"
                            aria-label={`${t.remove} ${n}`}
                            onClick={() => {
                              setRows((list) => list.filter((r) => r.key !== row.key));
                            }}
                          >
                            {t.remove}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="row">
              <button type="button" onClick={addRow}>
                {t.addRow}
              </button>
              <button type="submit" disabled={saving}>
                {t.saveContacts}
              </button>
            </div>
            {formError ? (
              <p className="form-error" role="alert">
                {formError}
              </p>
            ) : null}
            {saved ? (
              <p role="status">
                {t.contactsSaved}: {formatNumber(count('recorded'))} {t.newlyRecorded},{' '}
                {formatNumber(count('unchanged'))} {t.unchanged},{' '}
                {formatNumber(count('awaiting_identification'))} {t.awaitingIdentificationShort}
              </p>
            ) : null}
          </form>

          <h2>{graph?.view === 'cluster' ? t.clusterView : t.chainView}</h2>
          {showCluster ? (
            <div className="row" role="group" aria-label={t.graphView}>
              {(['chain', 'cluster'] as const).map((which) => (
                <button
                  key={which}
                  type="button"
                  aria-pressed={(graph?.view ?? view) === which}
                  onClick={() => {
                    setView(which);
                    loadGraph(file.case.caseId, which);
                  }}
                >
                  {which === 'chain' ? t.chainView : t.clusterView}
                </button>
              ))}
            </div>
          ) : null}
          {graphError ? <p className="form-error">{graphError}</p> : null}
          {graph ? (
            <GraphDrawing
              graph={graph}
              onOpenCase={(caseId) => {
                onOpenCase(caseId);
              }}
            />
          ) : null}
        </>
      ) : null}
    </main>
  );
}
