import { useState, type SyntheticEvent } from 'react';
import { api, ApiError, OfflineError, type CaseView } from '../api';
import { Field } from '../Field';
import { useI18n } from '../i18n';

/** A case by its ID, as far as the user's area allows (the gateway and case-graph decide). */
export function CaseLookup({ onOffline }: { onOffline: () => void }) {
  const { t, formatDate, formatNumber } = useI18n();
  const [caseId, setCaseId] = useState('');
  const [found, setFound] = useState<CaseView | null>(null);
  const [error, setError] = useState('');

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setError('');
    setFound(null);
    api.getCase(caseId.trim()).then(setFound, (e: unknown) => {
      if (e instanceof OfflineError) onOffline();
      else if (e instanceof ApiError && e.status === 403) setError(t.notPermitted);
      else if (e instanceof ApiError && e.status === 404) setError(t.notFound);
      else setError(t.somethingWrong);
    });
  };

  return (
    <main>
      <h1>{t.caseLookup}</h1>
      <form onSubmit={submit} className="inline">
        <Field
          label={t.caseId}
          name="case-id"
          value={caseId}
          onChange={(e) => {
            setCaseId(e.target.value);
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
      {found ? (
        <dl className="case" aria-label={found.caseId}>
          <dt>{t.caseId}</dt>
          <dd>{found.caseId}</dd>
          <dt>{t.status}</dt>
          <dd>{found.status}</dd>
          <dt>{t.foundIn}</dt>
          <dd>{found.foundIn}</dd>
          <dt>{t.confirmedAt}</dt>
          <dd>{formatDate(found.confirmedAt)}</dd>
          <dt>{t.ward}</dt>
          <dd>{found.wardCode}</dd>
          <dt>{t.district}</dt>
          <dd>{found.districtCode}</dd>
          <dt>{t.contacts}</dt>
          <dd>{formatNumber(found.contacts)}</dd>
        </dl>
      ) : null}
    </main>
  );
}
