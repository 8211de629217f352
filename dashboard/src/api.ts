// Calls to the dashboard's own JSON endpoints: the session cookie goes along by itself; every
// mutation also carries the session's CSRF token, kept in memory only.
export interface ErrorBody {
  error: { code: number; message: string; details: { field: string; message: string }[] };
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.error.message ?? `Request failed (${status})`);
  }

  /** The message with each field's problem, for showing under a form. */
  describe(): string {
    const details = this.body?.error.details ?? [];
    return [this.message, ...details.map((d) => `${d.field}: ${d.message}`)].join(' — ');
  }
}

export interface SessionInfo {
  user: { id: string; email: string; account_id: string };
  csrf_token: string;
  expires_at: string;
}

let csrfToken: string | null = null;
/** Called when a request finds the session gone, so the app can show the sign-in page. */
let onSignedOut: () => void = () => undefined;

export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export function rememberSession(session: SessionInfo | null): void {
  csrfToken = session?.csrf_token ?? null;
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/dashboard/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    if (response.status === 401 && path !== '/session') {
      rememberSession(null);
      onSignedOut();
    }
    throw new ApiFailure(response.status, json as ErrorBody | null);
  }
  return json as T;
}
