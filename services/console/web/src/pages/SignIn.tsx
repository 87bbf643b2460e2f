import { useState, type SyntheticEvent } from 'react';
import { api, ApiError, OfflineError, type SessionInfo } from '../api';
import { Field } from '../Field';
import { useI18n } from '../i18n';

export function SignIn({
  onSignedIn,
  onOffline,
}: {
  onSignedIn: (s: SessionInfo) => void;
  onOffline: () => void;
}) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    api.signIn(username, password).then(onSignedIn, (e: unknown) => {
      if (e instanceof OfflineError) onOffline();
      else if (e instanceof ApiError && e.status === 401) setError(t.signInFailed);
      else setError(e instanceof ApiError && e.status === 429 ? t.signInThrottled : t.somethingWrong);
      setBusy(false);
    });
  };

  return (
    <main className="sign-in">
      <h1>{t.signInTitle}</h1>
      <form onSubmit={submit}>
        <Field
          label={t.username}
          name="username"
          autoComplete="username"
          value={username}
          required
          autoFocus
          onChange={(e) => {
            setUsername(e.target.value);
          }}
        />
        <Field
          label={t.password}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          required
          onChange={(e) => {
            setPassword(e.target.value);
          }}
        />
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {t.signIn}
        </button>
      </form>
    </main>
  );
}
