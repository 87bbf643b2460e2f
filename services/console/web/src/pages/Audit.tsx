import { useState, type SyntheticEvent } from 'react';
import { api, ApiError, OfflineError, type AuditEntry } from '../api';
import { errorsByField, Field } from '../Field';
import { useI18n } from '../i18n';

/** The admin's page: who saw or changed one person's data, from every service, and its CSV. */
export function Audit({ onOffline }: { onOffline: () => void }) {
  const { t, formatDate, formatTime } = useI18n();
  const [personId, setPersonId] = useState('');
  const [shown, setShown] = useState<{ personId: string; entries: AuditEntry[]; cutAt?: string } | null>(
    null,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});

  const show = (event: SyntheticEvent) => {
    event.preventDefault();
    const asked = personId.trim();
    api.auditTrail(asked).then(
      (trail) => {
        setErrors({});
        setShown({ personId: asked, ...trail });
      },
      (e: unknown) => {
        if (e instanceof OfflineError) onOffline();
        else if (e instanceof ApiError)
          setErrors({ ...errorsByField(e.fields), ...(e.fields.length ? {} : { form: e.message }) });
      },
    );
  };

  const columns = t.auditColumns;
  return (
    <main>
      <h1>{t.audit}</h1>
      <p>{t.auditIntro}</p>
      <form onSubmit={show} aria-label={t.audit}>
        <Field
          label={t.auditPersonId}
          name="audit-person-id"
          value={personId}
          onChange={(e) => {
            setPersonId(e.target.value);
          }}
          error={errors.personId}
          required
        />
        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <button type="submit">{t.auditShow}</button>
      </form>
      {shown ? (
        <section aria-label={`${t.audit} ${shown.personId}`}>
          <p>
            <a href={api.auditCsvLink(shown.personId)} download>
              {t.auditDownload}
            </a>
          </p>
          {shown.cutAt ? (
            <p role="status">
              {t.auditCut} {formatDate(shown.cutAt)} {formatTime(new Date(shown.cutAt))}
            </p>
          ) : null}
          {shown.entries.length === 0 ? (
            <p role="status">{t.auditNone}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{columns.at}</th>
                  <th scope="col">{columns.kind}</th>
                  <th scope="col">{columns.caller}</th>
                  <th scope="col">{columns.role}</th>
                  <th scope="col">{columns.area}</th>
                  <th scope="col">{columns.client}</th>
                  <th scope="col">{columns.method}</th>
                  <th scope="col">{columns.service}</th>
                  <th scope="col">{columns.reason}</th>
                </tr>
              </thead>
              <tbody>
                {shown.entries.map((e) => (
                  <tr key={`${e.service}-${e.correlationId}-${e.at}`}>
                    <td>
                      {formatDate(e.at)} {formatTime(new Date(e.at))}
                    </td>
                    <td>
                      {t.auditKinds[e.kind] ?? e.kind}
                      {e.outcome && e.outcome !== 'OK' ? ` (${e.outcome})` : ''}
                    </td>
                    <td>{e.caller}</td>
                    <td>{e.role in t.roles ? t.roles[e.role as keyof typeof t.roles] : e.role}</td>
                    <td>
                      {e.areaLevel in t.levels ? t.levels[e.areaLevel as keyof typeof t.levels] : e.areaLevel}{' '}
                      {e.areaCode}
                    </td>
                    <td>{e.client || '—'}</td>
                    <td>{e.method.split('/').at(-1)}</td>
                    <td>{e.service}</td>
                    <td>{e.reason || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </main>
  );
}
