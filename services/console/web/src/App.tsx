import { lazy, Suspense, useEffect, useState } from 'react';
import { api, ApiError, onConnection, type SessionInfo } from './api';
import { useI18n } from './i18n';
import { CasePage } from './pages/CasePage';
import { Isolation } from './pages/Isolation';
import { Lab } from './pages/Lab';
import { SampleEntry } from './pages/SampleEntry';
import { Shipments } from './pages/Shipments';
import { SignIn } from './pages/SignIn';
import { Tasks } from './pages/Tasks';
import { Users } from './pages/Users';
import { Audit } from './pages/Audit';
import { Worklist } from './pages/Worklist';

// The report's charts (Chart.js) load only when someone opens the report.
const Report = lazy(() => import('./pages/Report').then((m) => ({ default: m.Report })));

type Page =
  | 'tasks'
  | 'isolation'
  | 'worklist'
  | 'samples'
  | 'shipments'
  | 'lab'
  | 'report'
  | 'cases'
  | 'users'
  | 'audit';

const TRACING_ROLES = new Set(['ward_team', 'district_center']);

/** The header's pages, in order, and who sees each. */
const PAGES: ReadonlyArray<{
  page: Page;
  title:
    | 'tasks'
    | 'isolation'
    | 'worklist'
    | 'sampleEntry'
    | 'shipments'
    | 'lab'
    | 'report'
    | 'caseLookup'
    | 'users'
    | 'audit';
  for: (role: string) => boolean;
}> = [
  { page: 'tasks', title: 'tasks', for: (role) => TRACING_ROLES.has(role) },
  { page: 'isolation', title: 'isolation', for: (role) => TRACING_ROLES.has(role) },
  { page: 'worklist', title: 'worklist', for: (role) => role === 'district_center' },
  { page: 'samples', title: 'sampleEntry', for: (role) => role === 'district_center' },
  { page: 'shipments', title: 'shipments', for: (role) => role === 'district_center' },
  { page: 'lab', title: 'lab', for: (role) => role === 'lab' },
  // Everyone but the lab reads the figures of their own area.
  { page: 'report', title: 'report', for: (role) => role !== 'lab' },
  { page: 'cases', title: 'caseLookup', for: () => true },
  { page: 'users', title: 'users', for: (role) => role === 'admin' },
  { page: 'audit', title: 'audit', for: (role) => role === 'admin' },
];

/** Where a role starts: the admin with users, tracing teams with their tasks. */
function landing(session: SessionInfo): Page {
  if (session.user.role === 'admin') return 'users';
  if (session.user.role === 'district_center') return 'worklist';
  if (session.user.role === 'city') return 'report';
  if (session.user.role === 'lab') return 'lab';
  return TRACING_ROLES.has(session.user.role) ? 'tasks' : 'cases';
}

export function App() {
  const { t, language, setLanguage } = useI18n();
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [page, setPage] = useState<Page>('cases');
  /** The case open on the case page (from a task, a drawing, or typed). */
  const [caseId, setCaseId] = useState('');
  const openCase = (id: string) => {
    setCaseId(id);
    setPage('cases');
  };
  const [offline, setOffline] = useState(false);
  const wentOffline = () => {
    setOffline(true);
  };

  useEffect(() => {
    onConnection({
      reachable: (ok) => {
        setOffline(!ok);
      },
      signedOut: () => {
        setSession(null);
      },
    });
    api.session().then(
      (s) => {
        setSession(s);
        setPage(landing(s));
      },
      () => {
        setSession(null);
      },
    );
    const online = () => {
      setOffline(false);
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', wentOffline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', wentOffline);
    };
  }, []);

  const header = (
    <header>
      <span className="brand">{t.appName}</span>
      <button
        type="button"
        className="link"
        onClick={() => {
          setLanguage(language === 'vi' ? 'en' : 'vi');
        }}
      >
        {t.language}
      </button>
      {session ? (
        <>
          <nav aria-label={t.home}>
            {PAGES.filter((p) => p.for(session.user.role)).map((p) => (
              <button
                key={p.page}
                type="button"
                className="link"
                aria-current={page === p.page ? 'page' : undefined}
                onClick={() => {
                  setPage(p.page);
                }}
              >
                {t[p.title]}
              </button>
            ))}
          </nav>
          <span className="who">
            {t.signedInAs} <strong>{session.user.displayName}</strong> · {t.roles[session.user.role]} ·{' '}
            {t.levels[session.user.jurisdiction.level]} {session.user.jurisdiction.code}
          </span>
          <button
            type="button"
            onClick={() => {
              api.signOut().then(
                () => {
                  setSession(null);
                },
                (e: unknown) => {
                  // Already ended on the server: signed out all the same.
                  if (e instanceof ApiError && e.status === 401) setSession(null);
                },
              );
            }}
          >
            {t.signOut}
          </button>
        </>
      ) : null}
    </header>
  );

  return (
    <>
      {header}
      {offline ? (
        <div className="banner" role="alert">
          {t.offline}
        </div>
      ) : null}
      {session === undefined ? null : session === null ? (
        <SignIn
          onSignedIn={(s) => {
            setOffline(false);
            setSession(s);
            setPage(landing(s));
          }}
          onOffline={wentOffline}
        />
      ) : page === 'users' ? (
        <Users onOffline={wentOffline} />
      ) : page === 'audit' ? (
        <Audit onOffline={wentOffline} />
      ) : page === 'worklist' ? (
        <Worklist onOffline={wentOffline} />
      ) : page === 'samples' ? (
        <SampleEntry onOffline={wentOffline} />
      ) : page === 'shipments' ? (
        <Shipments onOffline={wentOffline} />
      ) : page === 'lab' ? (
        <Lab onOffline={wentOffline} />
      ) : page === 'report' ? (
        <Suspense fallback={<main aria-busy="true" />}>
          <Report onOffline={wentOffline} />
        </Suspense>
      ) : page === 'tasks' ? (
        <Tasks username={session.user.username} onOpenCase={openCase} onOffline={wentOffline} />
      ) : page === 'isolation' ? (
        <Isolation onOffline={wentOffline} />
      ) : (
        <CasePage caseId={caseId} role={session.user.role} onOpenCase={openCase} onOffline={wentOffline} />
      )}
    </>
  );
}
