/** The gateway's API as the pages use it: JSON, the session cookie, the CSRF token on changes. */

export interface FieldError {
  field: string;
  description: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[],
  ) {
    super(message);
  }
}

/** Thrown when the gateway cannot be reached at all (the page shows a banner, keeps the form). */
export class OfflineError extends Error {}

export interface Jurisdiction {
  level: 'city' | 'district' | 'ward';
  code: string;
}

export type Role = 'ward_team' | 'district_center' | 'lab' | 'city' | 'admin';

export interface User {
  username: string;
  displayName: string;
  role: Role;
  jurisdiction: Jurisdiction;
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

export interface CaseView {
  caseId: string;
  personId: string;
  status: string;
  foundIn: string;
  confirmedAt: string;
  districtCode: string;
  wardCode: string;
  severity: string;
  contacts: number;
}

export interface Task {
  taskId: string;
  kind: 'interview_case' | 'call_contact' | 'hotline_tip' | 'confirm_candidate' | 'confirm_identity';
  status: 'open' | 'claimed' | 'done';
  wardCode: string;
  personId: string;
  caseId: string;
  dueAt: string;
  overdue: boolean;
  claimedBy: string;
}

export type Outcome = 'reached' | 'not_reachable' | 'refused' | 'moved' | 'confirmed' | 'dismissed';

let csrfToken = '';

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new OfflineError('offline');
  }
  const text = await response.text();
  const json = (text ? JSON.parse(text) : {}) as {
    error?: { code: string; message: string; fields: FieldError[] };
  };
  if (!response.ok) {
    const error = json.error ?? { code: String(response.status), message: response.statusText, fields: [] };
    throw new ApiError(response.status, error.code, error.message, error.fields);
  }
  return json as T;
}

function remember(session: SessionInfo): SessionInfo {
  csrfToken = session.csrfToken;
  return session;
}

export const api = {
  session: async () => remember(await call<SessionInfo>('GET', '/api/session')),
  signIn: async (username: string, password: string) =>
    remember(await call<SessionInfo>('POST', '/api/session', { username, password })),
  signOut: async () => {
    await call<unknown>('DELETE', '/api/session');
    csrfToken = '';
  },
  users: async () =>
    (await call<{ users: Array<User & { createdBy: string; createdAt: string }> }>('GET', '/api/users'))
      .users,
  addUser: async (user: {
    username: string;
    displayName: string;
    password: string;
    role: Role;
    jurisdiction: Jurisdiction;
  }) => (await call<{ user: User }>('POST', '/api/users', user)).user,
  tasks: () => call<{ tasks: Task[]; overdue: number }>('GET', '/api/tasks'),
  claimTask: async (taskId: string) =>
    (await call<{ task: Task }>('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, {})).task,
  completeTask: async (taskId: string, outcome: Outcome, note: string) =>
    (
      await call<{ task: Task }>('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, {
        outcome,
        note,
      })
    ).task,
  getCase: async (caseId: string) =>
    (await call<{ case: CaseView }>('GET', `/api/cases/${encodeURIComponent(caseId)}`)).case,
};
