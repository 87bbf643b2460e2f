import { useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { api, ApiError, OfflineError, type Areas, type ReportView } from '../api';
import { Chart } from '../Chart';
import { useI18n } from '../i18n';

const COLORS = { community: '#b42318', quarantine: '#f2b705', f1: '#0b5d4b', lab: '#3355aa' };
const RISK_CLASS = ['', 'risk-1', 'risk-2', 'risk-3', 'risk-4'];

/**
 * The steering committee's daily report for a chosen day and area: the day's figures, charts of
 * the days before (new cases in the community and in quarantine, F1 in quarantine, turnaround),
 * the area's parts, and the wards' risk levels.
 */
export function Report({ onOffline }: { onOffline: () => void }) {
  const { t, formatDate, formatNumber, formatTime, language } = useI18n();
  const [areas, setAreas] = useState<Areas | null>(null);
  const [date, setDate] = useState('');
  const [area, setArea] = useState('');
  const [view, setView] = useState<ReportView | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);

  const load = (query: { date?: string; area?: string }) => {
    const [level, code] = (query.area ?? '').split(':');
    setLoading(true);
    setError('');
    api
      .report({
        ...(query.date ? { date: query.date } : {}),
        ...(level ? { level } : {}),
        ...(code ? { code } : {}),
      })
      .then(
        (answer) => {
          setView(answer);
          setDate(answer.report.date);
        },
        (e: unknown) => {
          if (e instanceof OfflineError) onOffline();
          else setError(e instanceof ApiError ? e.message : t.somethingWrong);
        },
      )
      .finally(() => {
        setLoading(false);
      });
  };
  useEffect(() => {
    api.areas().then(setAreas, (e: unknown) => {
      if (e instanceof OfflineError) onOffline();
    });
    load({});
  }, []);

  const show = (e: SyntheticEvent) => {
    e.preventDefault();
    load({ date, area });
  };

  const charts = useMemo(() => {
    if (!view) return null;
    const labels = view.days.map((d) => formatDate(`${d.date}T12:00:00+07:00`));
    const common = { animation: false as const, responsive: true, maintainAspectRatio: false };
    const cases: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: t.newInCommunity,
            data: view.days.map((d) => d.newInCommunity),
            backgroundColor: COLORS.community,
          },
          {
            label: t.newInQuarantine,
            data: view.days.map((d) => d.newInQuarantine),
            backgroundColor: COLORS.quarantine,
          },
        ],
      },
      options: { ...common, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
    };
    const f1: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            label: t.f1InQuarantine,
            data: view.days.map((d) => d.f1InQuarantine),
            borderColor: COLORS.f1,
            backgroundColor: COLORS.f1,
          },
        ],
      },
      options: { ...common, scales: { y: { beginAtZero: true } } },
    };
    const turnaround: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: view.turnaround.map((d) => d.districtCode),
        datasets: [
          {
            label: t.collectedToResulted,
            data: view.turnaround.map((d) => d.collectedToResulted?.p50Hours ?? 0),
            backgroundColor: COLORS.lab,
          },
          {
            label: t.resultToIsolated,
            data: view.turnaround.map((d) => d.resultToF1Isolated?.p50Hours ?? 0),
            backgroundColor: COLORS.f1,
          },
        ],
      },
      options: { ...common, scales: { y: { beginAtZero: true } } },
    };
    return { cases, f1, turnaround };
  }, [view, language]);

  const r = view?.report;
  const figures: Array<[string, string, number | string | undefined]> = r
    ? [
        ['cases.newToday', t.newCases, r.cases?.newToday],
        ['cases.newInCommunity', t.newInCommunity, r.cases?.newInCommunity],
        ['cases.newInQuarantine', t.newInQuarantine, r.cases?.newInQuarantine],
        ['cases.total', t.totalCases, r.cases?.total],
        ['cases.underTreatment', t.underTreatment, r.cases?.underTreatment],
        ['isolation.f1Centralized', t.f1Centralized, r.isolation?.f1Centralized],
        ['isolation.f1CentralizedAwaitingBed', t.awaitingBed, r.isolation?.f1CentralizedAwaitingBed],
        ['isolation.f1Home', t.f1Home, r.isolation?.f1Home],
        ['isolation.f2SelfMonitoring', t.f2SelfMonitoring, r.isolation?.f2SelfMonitoring],
        ['testing.samplesTested', t.samplesTested, r.testing?.samplesTested],
        ['testing.samplesPositive', t.samplesPositive, r.testing?.samplesPositive],
        ['vaccination.fullyVaccinated', t.fullyVaccinated, r.vaccination?.fullyVaccinated],
      ]
    : [];
  const choices = areas
    ? [
        { value: 'city:', name: areas.province },
        ...areas.districts.flatMap((d) => [
          { value: `district:${d.code}`, name: d.name },
          ...d.wards.map((w) => ({ value: `ward:${w.code}`, name: `— ${w.name}` })),
        ]),
      ]
    : [];
  return (
    <main className="wide">
      <h1>
        {t.report}
        {r?.area ? ` — ${r.area.name}` : ''}
        {r ? `, ${formatDate(`${r.date}T12:00:00+07:00`)}` : ''}
      </h1>
      <form className="row" onSubmit={show} aria-label={t.report}>
        <div className="field">
          <label htmlFor="report-date">{t.date}</label>
          <input
            id="report-date"
            type="date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="report-area">{t.area}</label>
          <select
            id="report-area"
            value={area}
            onChange={(e) => {
              setArea(e.target.value);
            }}
          >
            <option value="">{t.myArea}</option>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={loading}>
          {t.show}
        </button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {r ? (
        <>
          <p>
            <a
              href={api.lineListLink({
                date: r.date,
                ...(r.area?.level ? { level: r.area.level } : {}),
                ...(r.area?.code && r.area.level !== 'city' ? { code: r.area.code } : {}),
              })}
              download
            >
              {t.lineListCsv}
            </a>
          </p>
          {r.revisedAt ? (
            <p className="note" data-revised={r.revisedAt}>
              {t.revisedAt} {formatDate(r.revisedAt)} {formatTime(new Date(r.revisedAt))}
            </p>
          ) : null}
          <dl className="figures" aria-label={t.dayFigures}>
            {figures.map(([key, label, value]) => (
              <div key={key} data-figure={key}>
                <dt>{label}</dt>
                <dd>{typeof value === 'number' ? formatNumber(value) : '—'}</dd>
              </div>
            ))}
            <div data-figure="testing.positivity">
              <dt>{t.positivity}</dt>
              <dd>{formatNumber(Math.round((r.testing?.positivity ?? 0) * 1000) / 10)} %</dd>
            </div>
          </dl>
          {charts ? (
            <div className="charts">
              <section aria-label={t.casesPerDay}>
                <h2>{t.casesPerDay}</h2>
                <Chart config={charts.cases} label={t.casesPerDay} />
              </section>
              <section aria-label={t.f1InQuarantine}>
                <h2>{t.f1InQuarantine}</h2>
                <Chart config={charts.f1} label={t.f1InQuarantine} />
              </section>
              <section aria-label={t.turnaround}>
                <h2>{t.turnaround}</h2>
                <Chart config={charts.turnaround} label={t.turnaround} />
              </section>
            </div>
          ) : null}
          <details>
            <summary>{t.dayByDay}</summary>
            <table aria-label={t.dayByDay}>
              <thead>
                <tr>
                  <th scope="col">{t.date}</th>
                  <th scope="col">{t.newInCommunity}</th>
                  <th scope="col">{t.newInQuarantine}</th>
                  <th scope="col">{t.f1InQuarantine}</th>
                  <th scope="col">{t.samplesTested}</th>
                </tr>
              </thead>
              <tbody>
                {view.days.map((d) => (
                  <tr key={d.date}>
                    <td>{formatDate(`${d.date}T12:00:00+07:00`)}</td>
                    <td>{formatNumber(d.newInCommunity)}</td>
                    <td>{formatNumber(d.newInQuarantine)}</td>
                    <td>{formatNumber(d.f1InQuarantine)}</td>
                    <td>{formatNumber(d.samplesTested)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          {view.parts.length > 0 ? (
            <section aria-label={t.parts}>
              <h2>{t.parts}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.area}</th>
                    <th scope="col">{t.newCases}</th>
                    <th scope="col">{t.totalCases}</th>
                    <th scope="col">{t.f1InQuarantine}</th>
                    <th scope="col">{t.samplesTested}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.parts.map((p) => (
                    <tr key={`${p.area?.level ?? ''}${p.area?.code ?? ''}`}>
                      <td>{p.area?.name}</td>
                      <td>{formatNumber(p.cases?.newToday ?? 0)}</td>
                      <td>{formatNumber(p.cases?.total ?? 0)}</td>
                      <td>{formatNumber((p.isolation?.f1Centralized ?? 0) + (p.isolation?.f1Home ?? 0))}</td>
                      <td>{formatNumber(p.testing?.samplesTested ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          <section aria-label={t.riskLevels}>
            <h2>{t.riskLevels}</h2>
            <p className="muted">
              {t.riskWindow} {formatDate(`${view.risk.windowFrom}T12:00:00+07:00`)} · {view.risk.ruleSetId}
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.ward}</th>
                  <th scope="col">{t.level}</th>
                  <th scope="col">{t.communityCases}</th>
                  <th scope="col">{t.per100k}</th>
                  <th scope="col">{t.coverage}</th>
                </tr>
              </thead>
              <tbody>
                {view.risk.wards.slice(0, 40).map((w) => (
                  <tr key={w.wardCode}>
                    <td>{w.wardName}</td>
                    <td>
                      <span className={`risk ${RISK_CLASS[w.level] ?? ''}`}>{t.riskNames[w.level - 1]}</span>
                    </td>
                    <td>{formatNumber(w.communityCases)}</td>
                    <td>{formatNumber(Math.round(w.casesPer100k * 10) / 10)}</td>
                    <td>{formatNumber(Math.round(w.coverage * 1000) / 10)} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </main>
  );
}
