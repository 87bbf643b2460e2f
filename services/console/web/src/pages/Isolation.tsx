import { useEffect, useRef, useState } from 'react';
import { api, ApiError, OfflineError, type Areas, type IsolatedPerson } from '../api';
import { todayInVietnam } from '../dates';
import { useI18n } from '../i18n';

/**
 * People in isolation in the user's ward (a district center picks one of its wards): where, their
 * next test and the day they may be released, the soonest test first.
 */
export function Isolation({ onOffline }: { onOffline: () => void }) {
  const { t, formatDate, formatNumber } = useI18n();
  const [areas, setAreas] = useState<Areas | null>(null);
  const [wardCode, setWardCode] = useState('');
  const [people, setPeople] = useState<IsolatedPerson[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');

  useEffect(() => {
    api.areas().then(setAreas, (e: unknown) => {
      if (e instanceof OfflineError) onOffline();
    });
  }, []);
  const asked = useRef(0);
  useEffect(() => {
    setError('');
    // The ward chosen last wins, whatever order the answers come in.
    const seq = ++asked.current;
    api.isolation(wardCode || undefined).then(
      (answer) => {
        if (seq !== asked.current) return;
        setPeople(answer.people);
        setTotal(answer.total);
      },
      (e: unknown) => {
        if (seq !== asked.current) return;
        if (e instanceof OfflineError) onOffline();
        else setError(e instanceof ApiError ? e.message : t.somethingWrong);
      },
    );
  }, [wardCode]);

  const wards = areas?.districts.flatMap((d) => d.wards) ?? [];
  const due = todayInVietnam();

  return (
    <main className="wide">
      <h1>{t.isolation}</h1>
      {wards.length > 1 ? (
        <div className="field">
          <label htmlFor="isolation-ward">{t.ward}</label>
          <select
            id="isolation-ward"
            value={wardCode}
            onChange={(e) => {
              setWardCode(e.target.value);
            }}
          >
            <option value="">{t.allWards}</option>
            {wards.map((w) => (
              <option key={w.code} value={w.code}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {people ? (
        <>
          <p>
            {formatNumber(total)} {t.peopleIsolated}
            {total > people.length ? ` (${t.soonestShown} ${formatNumber(people.length)})` : ''}
          </p>
          <table aria-label={t.isolation}>
            <thead>
              <tr>
                <th scope="col">{t.fullName}</th>
                <th scope="col">{t.classification}</th>
                <th scope="col">{t.isolationKind}</th>
                <th scope="col">{t.since}</th>
                <th scope="col">{t.nextTest}</th>
                <th scope="col">{t.releaseOn}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => {
                const late = p.nextTestOn !== '' && p.nextTestOn < due;
                return (
                  <tr key={p.personId}>
                    <td>{p.fullName || p.personId}</td>
                    <td>{p.level >= 0 ? `F${String(p.level)}` : '—'}</td>
                    <td>
                      {p.order ? t.isolationKinds[p.order.kind] : '—'}
                      {p.order?.facilityName ? ` · ${p.order.facilityName}` : ''}
                      {p.order?.waitlisted ? ` · ${t.awaitingPlace}` : ''}
                    </td>
                    <td>{formatDate(p.order?.startsOn ?? '')}</td>
                    <td>
                      {formatDate(p.nextTestOn)}
                      {late ? <span className="badge">{t.overdue}</span> : null}
                    </td>
                    <td>
                      {formatDate(p.releaseOn)}
                      {p.releaseStatus === 'releasable' || p.releaseStatus === 'awaiting_last_test'
                        ? ` · ${t.releaseStatuses[p.releaseStatus]}`
                        : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : null}
    </main>
  );
}
