import { useRef, useState, type ChangeEvent, type KeyboardEvent, type SyntheticEvent } from 'react';
import { parseResultsCsv } from '@truyvet/csv';
import { api, ApiError, OfflineError, type Accession, type ResultRow, type SampleResults } from '../api';
import { errorsByField, Field } from '../Field';
import { useI18n } from '../i18n';
import { formErrors, RESULT_OUTCOMES, scannedBoxSchema, TUBE_CONDITIONS } from '../../../src/app/forms';

type Condition = (typeof TUBE_CONDITIONS)[number];
type ResultOutcome = (typeof RESULT_OUTCOMES)[number];

/** Rows sent at a time: the progress bar moves per part, and a part stays well under the body limit. */
const ROWS_PER_PART = 50;

interface RowProblem {
  line: number;
  field: string;
  problem: string;
}

/** "E=22.1, N=24" -> { E: 22.1, N: 24 }; null when a pair cannot be read. */
function parseCtValues(text: string): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const pair of text.split(/[,;]/)) {
    if (!pair.trim()) continue;
    const [gene, value] = pair.split('=').map((s) => s.trim());
    const n = Number((value ?? '').replace(',', '.'));
    if (!gene || !value || !Number.isFinite(n)) return null;
    out[gene] = n;
  }
  return out;
}

/**
 * The CDC lab's desk: a box accessioned by scanning its label and its tubes (what is missing, what
 * was not on the manifest, what cannot be tested), an instrument export recorded in parts with a
 * progress bar and each bad row's reason, and a result amended with the reason why.
 */
export function Lab({ onOffline }: { onOffline: () => void }) {
  const { t, formatNumber, formatDate } = useI18n();
  const failed = (e: unknown, show: (message: string) => void) => {
    if (e instanceof OfflineError) onOffline();
    else show(e instanceof ApiError ? e.message : t.somethingWrong);
  };

  // Accessioning.
  const [boxLabel, setBoxLabel] = useState('');
  const [tube, setTube] = useState('');
  const [tubes, setTubes] = useState<Array<{ barcode: string; condition: Condition }>>([]);
  const [boxErrors, setBoxErrors] = useState<Record<string, string>>({});
  const [boxError, setBoxError] = useState('');
  const [accession, setAccession] = useState<Accession | null>(null);
  const tubeField = useRef<HTMLInputElement>(null);
  const onBoxKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    tubeField.current?.focus();
  };
  const onTubeKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const code = tube.trim();
    if (code && !tubes.some((x) => x.barcode === code))
      setTubes([...tubes, { barcode: code, condition: 'ok' }]);
    setTube('');
  };
  const accessionBox = (e: SyntheticEvent) => {
    e.preventDefault();
    setBoxError('');
    const checked = scannedBoxSchema.safeParse({ shipmentId: boxLabel, tubes });
    if (!checked.success) {
      const found = formErrors(checked.error);
      setBoxErrors({
        ...(found.shipmentId ? { shipmentId: t.boxLabelRequired } : {}),
        ...(Object.keys(found).some((f) => f.startsWith('tubes')) ? { tubes: t.tubesRequired } : {}),
      });
      return;
    }
    setBoxErrors({});
    api.accession(checked.data).then(
      (answer) => {
        setAccession(answer);
        setBoxLabel('');
        setTubes([]);
      },
      (err: unknown) => {
        if (err instanceof ApiError) setBoxErrors(errorsByField(err.fields));
        failed(err, setBoxError);
      },
    );
  };

  // An instrument export.
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [counts, setCounts] = useState({ recorded: 0, unchanged: 0, positive: 0, rejected: 0 });
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [uploadError, setUploadError] = useState('');
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setUploadError('');
    const { requests, problems: unreadable } = parseResultsCsv(await file.text());
    const bad = new Set(unreadable.map((p) => p.line));
    const usable = requests.filter((r) => !bad.has(r.line));
    const found: RowProblem[] = [...unreadable];
    const tally = { recorded: 0, unchanged: 0, positive: 0, rejected: requests.length - usable.length };
    setProblems(found);
    setCounts({ ...tally });
    setProgress({ done: 0, total: usable.length });
    for (let start = 0; start < usable.length; start += ROWS_PER_PART) {
      const part = usable.slice(start, start + ROWS_PER_PART);
      try {
        const answer = await api.recordResults(part.map((p): ResultRow => p.request));
        for (const item of answer.results) {
          const line = part[item.index]?.line ?? 0;
          if (item.rejected) {
            tally.rejected++;
            for (const v of item.rejected.fieldViolations)
              found.push({ line, field: v.field, problem: v.description });
          } else if (item.recorded?.unchanged) tally.unchanged++;
          else if (item.recorded) {
            tally.recorded++;
            if (item.recorded.outcome === 'positive') tally.positive++;
          }
        }
      } catch (err) {
        // What was sent is recorded; sending the file again is safe (a reading recorded twice is unchanged).
        failed(err, setUploadError);
        break;
      }
      setProblems([...found].sort((a, b) => a.line - b.line));
      setCounts({ ...tally });
      setProgress({ done: Math.min(start + ROWS_PER_PART, usable.length), total: usable.length });
    }
    e.target.value = '';
  };

  // Amending.
  const [lookup, setLookup] = useState('');
  const [sample, setSample] = useState<SampleResults | null>(null);
  const [outcome, setOutcome] = useState<ResultOutcome>('negative');
  const [ct, setCt] = useState('');
  const [reason, setReason] = useState('');
  const [amendErrors, setAmendErrors] = useState<Record<string, string>>({});
  const [amendError, setAmendError] = useState('');
  const find = (e: SyntheticEvent) => {
    e.preventDefault();
    setAmendError('');
    api.sampleResults(lookup.trim()).then(setSample, (err: unknown) => {
      setSample(null);
      failed(err, setAmendError);
    });
  };
  const amend = (e: SyntheticEvent) => {
    e.preventDefault();
    if (!sample) return;
    setAmendError('');
    const ctValues = parseCtValues(ct);
    const errors: Record<string, string> = {};
    if (ctValues === null) errors.ctValues = t.ctShape;
    if (reason.trim().length < 3) errors.reason = t.reasonRequired;
    setAmendErrors(errors);
    if (Object.keys(errors).length > 0 || ctValues === null) return;
    const kitId = sample.history.at(-1)?.kitId ?? '';
    api.amendResult(sample.barcode, { outcome, ctValues, kitId, reason }).then(
      (answer) => {
        setSample(answer);
        setReason('');
      },
      (err: unknown) => {
        if (err instanceof ApiError) setAmendErrors(errorsByField(err.fields));
        failed(err, setAmendError);
      },
    );
  };

  return (
    <main>
      <h1>{t.lab}</h1>

      <section aria-label={t.accessionBox}>
        <h2>{t.accessionBox}</h2>
        <form onSubmit={accessionBox} noValidate aria-label={t.accessionBox}>
          <Field
            label={t.boxLabel}
            value={boxLabel}
            autoComplete="off"
            error={boxErrors.shipmentId}
            onKeyDown={onBoxKey}
            onChange={(e) => {
              setBoxLabel(e.target.value);
            }}
          />
          <Field
            label={t.tubeScan}
            ref={tubeField}
            value={tube}
            autoComplete="off"
            error={boxErrors.tubes}
            onKeyDown={onTubeKey}
            onChange={(e) => {
              setTube(e.target.value);
            }}
          />
          <ul className="members" aria-label={t.tubesScanned}>
            {tubes.map((x, i) => (
              <li key={x.barcode}>
                <span>{x.barcode}</span>{' '}
                <select
                  aria-label={`${t.condition} ${x.barcode}`}
                  value={x.condition}
                  onChange={(e) => {
                    const condition = e.target.value as Condition;
                    setTubes(tubes.map((y, j) => (j === i ? { ...y, condition } : y)));
                  }}
                >
                  {TUBE_CONDITIONS.map((c) => (
                    <option key={c} value={c}>
                      {t.conditions[c]}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
          {boxError ? (
            <p className="form-error" role="alert">
              {boxError}
            </p>
          ) : null}
          <button type="submit">
            {t.accession} ({formatNumber(tubes.length)})
          </button>
        </form>
        {accession ? (
          <div role="region" aria-label={t.accessioned}>
            <h3>
              {t.accessioned}: {accession.shipmentId}
              {accession.status === 'awaiting_manifest' ? ` — ${t.awaitingManifest}` : ''}
              {accession.status === 'scanned_by_another_lab' ? ` — ${t.scannedByAnotherLab}` : ''}
            </h3>
            <p>
              {formatNumber(accession.receivedSampleIds.length)} {t.received} ·{' '}
              {formatNumber(accession.missingSampleIds.length)} {t.missing} ·{' '}
              {formatNumber(accession.unexpectedBarcodes.length)} {t.unexpected} ·{' '}
              {formatNumber(accession.rejected.length)} {t.rejected}
            </p>
            {accession.missingSampleIds.length +
              accession.unexpectedBarcodes.length +
              accession.rejected.length >
            0 ? (
              <ul className="discrepancies" aria-label={t.discrepancies}>
                {accession.missingSampleIds.map((id) => (
                  <li key={`m-${id}`}>
                    {t.missingTube}: {id}
                  </li>
                ))}
                {accession.unexpectedBarcodes.map((code) => (
                  <li key={`u-${code}`}>
                    {t.unexpectedTube}: {code}
                  </li>
                ))}
                {accession.rejected.map((r) => (
                  <li key={`r-${r.sampleId}`}>
                    {t.rejectedTube}: {r.sampleId} ({r.reason})
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </section>

      <section aria-label={t.uploadResults}>
        <h2>{t.uploadResults}</h2>
        <div className="field">
          <label htmlFor="results-file">{t.resultsFile}</label>
          <input
            id="results-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              void upload(e);
            }}
          />
        </div>
        {progress ? (
          <>
            <label htmlFor="results-progress">{t.progress}</label>{' '}
            <progress id="results-progress" value={progress.done} max={Math.max(progress.total, 1)} />{' '}
            <span aria-live="polite">
              {formatNumber(progress.done)}/{formatNumber(progress.total)}
            </span>
            <p role="status">
              {formatNumber(counts.recorded)} {t.recorded} · {formatNumber(counts.positive)} {t.positiveCount}{' '}
              · {formatNumber(counts.unchanged)} {t.unchanged} · {formatNumber(counts.rejected)}{' '}
              {t.rowsRejected}
            </p>
          </>
        ) : null}
        {uploadError ? (
          <p className="form-error" role="alert">
            {uploadError}
          </p>
        ) : null}
        {problems.length > 0 ? (
          <table aria-label={t.rowErrors}>
            <thead>
              <tr>
                <th scope="col">{t.line}</th>
                <th scope="col">{t.field}</th>
                <th scope="col">{t.problem}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={`${String(p.line)}-${String(i)}`}>
                  <td>{p.line}</td>
                  <td>{p.field}</td>
                  <td>{p.problem}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-label={t.amendResult}>
        <h2>{t.amendResult}</h2>
        <form className="row" onSubmit={find} aria-label={t.findSample}>
          <Field
            label={t.barcode}
            value={lookup}
            autoComplete="off"
            onChange={(e) => {
              setLookup(e.target.value);
            }}
          />
          <button type="submit">{t.find}</button>
        </form>
        {amendError ? (
          <p className="form-error" role="alert">
            {amendError}
          </p>
        ) : null}
        {sample ? (
          <>
            <table aria-label={`${t.history} ${sample.barcode}`}>
              <thead>
                <tr>
                  <th scope="col">{t.outcome}</th>
                  <th scope="col">Ct</th>
                  <th scope="col">{t.resultedAt}</th>
                  <th scope="col">{t.recordedBy}</th>
                  <th scope="col">{t.reason}</th>
                </tr>
              </thead>
              <tbody>
                {sample.history.map((h) => (
                  <tr key={h.resultId}>
                    <td>{t.resultOutcomes[h.outcome as ResultOutcome]}</td>
                    <td>
                      {Object.entries(h.ctValues)
                        .map(([gene, value]) => `${gene} ${formatNumber(value)}`)
                        .join(', ') || '—'}
                    </td>
                    <td>{formatDate(h.resultedAt)}</td>
                    <td>{h.recordedBy}</td>
                    <td>{h.reason || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <form onSubmit={amend} noValidate aria-label={t.amendResult}>
              <div className="field">
                <label htmlFor="amend-outcome">{t.outcome}</label>
                <select
                  id="amend-outcome"
                  value={outcome}
                  onChange={(e) => {
                    setOutcome(e.target.value as ResultOutcome);
                  }}
                >
                  {RESULT_OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t.resultOutcomes[o]}
                    </option>
                  ))}
                </select>
              </div>
              <Field
                label={t.ctValues}
                value={ct}
                placeholder="E=22.1, N=24.3"
                error={amendErrors.ctValues}
                onChange={(e) => {
                  setCt(e.target.value);
                }}
              />
              <Field
                label={t.amendReason}
                value={reason}
                error={amendErrors.reason}
                onChange={(e) => {
                  setReason(e.target.value);
                }}
              />
              <button type="submit">{t.amend}</button>
            </form>
          </>
        ) : null}
      </section>
    </main>
  );
}
