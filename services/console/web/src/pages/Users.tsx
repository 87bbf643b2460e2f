import { useEffect, useState, type SyntheticEvent } from 'react';
import { api, ApiError, OfflineError, type Jurisdiction, type Role, type User } from '../api';
import { errorsByField, Field } from '../Field';
import { useI18n } from '../i18n';

const ROLES: Role[] = ['ward_team', 'district_center', 'lab', 'city', 'admin'];
const LEVEL_OF: Record<Role, Jurisdiction['level']> = {
  ward_team: 'ward',
  district_center: 'district',
  lab: 'city',
  city: 'city',
  admin: 'city',
};

type Listed = User & { createdBy: string; createdAt: string };

/** The admin's page: who can sign in, and a form to add someone. */
export function Users({ onOffline }: { onOffline: () => void }) {
  const { t, formatDate } = useI18n();
  const [users, setUsers] = useState<Listed[]>([]);
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    password: '',
    role: 'ward_team' as Role,
    code: '',
    lab: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState('');

  const load = () => {
    api.users().then(setUsers, (e: unknown) => {
      if (e instanceof OfflineError) onOffline();
    });
  };
  useEffect(load, []);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setDone('');
    // For convenience only: the gateway checks everything again, with the same rules.
    const early: Record<string, string> = {};
    if (!/^[a-z0-9][a-z0-9._-]{2,31}$/.test(form.username.trim().toLowerCase()))
      early.username = t.usernameShape;
    if (form.password.length < 10) early.password = t.passwordTooShort;
    setErrors(early);
    if (Object.keys(early).length > 0) return;
    const level = LEVEL_OF[form.role];
    api
      .addUser({
        username: form.username,
        displayName: form.displayName,
        password: form.password,
        role: form.role,
        jurisdiction: { level, code: level === 'city' ? '92' : form.code },
        ...(form.role === 'lab' && form.lab.trim() ? { lab: form.lab.trim() } : {}),
      })
      .then(
        (user) => {
          setErrors({});
          setDone(`${t.added}: ${user.username}`);
          // What was typed meanwhile stays; only the added user's own fields are cleared.
          setForm((current) => ({ ...current, username: '', displayName: '', password: '', lab: '' }));
          load();
        },
        (e: unknown) => {
          if (e instanceof OfflineError) onOffline();
          else if (e instanceof ApiError)
            setErrors({ ...errorsByField(e.fields), ...(e.fields.length ? {} : { form: e.message }) });
        },
      );
  };

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setForm((current) => ({ ...current, [key]: value }));
  };

  return (
    <main>
      <h1>{t.users}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.username}</th>
            <th scope="col">{t.displayName}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.area}</th>
            <th scope="col">{t.createdAt}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.username}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{t.roles[u.role]}</td>
              <td>
                {t.levels[u.jurisdiction.level]} {u.jurisdiction.code}
                {u.lab ? ` · ${u.lab}` : ''}
              </td>
              <td>{formatDate(u.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t.addUser}</h2>
      <form onSubmit={submit} aria-label={t.addUser}>
        <Field
          label={t.username}
          name="new-username"
          value={form.username}
          onChange={set('username')}
          error={errors.username}
          required
        />
        <Field
          label={t.displayName}
          name="new-display-name"
          value={form.displayName}
          onChange={set('displayName')}
          error={errors.displayName}
          required
        />
        <Field
          label={t.password}
          name="new-password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          error={errors.password}
          required
        />
        <div className="field">
          <label htmlFor="new-role">{t.role}</label>
          <select id="new-role" name="new-role" value={form.role} onChange={set('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        </div>
        {LEVEL_OF[form.role] !== 'city' ? (
          <Field
            label={`${t.areaCode} — ${t.levels[LEVEL_OF[form.role]]}`}
            name="new-area-code"
            inputMode="numeric"
            value={form.code}
            onChange={set('code')}
            error={errors['jurisdiction.code'] ?? errors['jurisdiction.level']}
            required
          />
        ) : null}
        {form.role === 'lab' ? (
          <Field label={t.labId} name="new-lab" value={form.lab} onChange={set('lab')} error={errors.lab} />
        ) : null}
        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <button type="submit">{t.add}</button>
        {done ? <p role="status">{done}</p> : null}
      </form>
    </main>
  );
}
