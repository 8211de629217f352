// The dashboard's calls: its own JSON endpoints under /dashboard/api (session, API keys), and the
// real /v2 API for every resource, both with the session cookie (which goes along by itself) and
// the session's CSRF token, kept in memory only. /v2 takes the session only with that token.
export interface ErrorDetail {
  field: string;
  message: string;
}

export interface ErrorBody {
  error: { code: number; reason?: string; message: string; details: ErrorDetail[]; request_id?: string };
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.error.message ?? `Request failed (${status})`);
  }

  get details(): ErrorDetail[] {
    return this.body?.error.details ?? [];
  }

  /** The message with each field's problem, for showing under a form. */
  describe(): string {
    return [this.message, ...this.details.map((d) => `${d.field}: ${d.message}`)].join(' — ');
  }
}

/** What to show for any failure: the API's words when it answered, else that it could not be reached. */
export function failureText(failure: unknown): string {
  return failure instanceof ApiFailure ? failure.describe() : 'Could not reach the server';
}

export interface SessionInfo {
  user: { id: string; email: string; account_id: string };
  csrf_token: string;
  expires_at: string;
}

export interface Page<T> {
  data: T[];
  pagination: { next_cursor: string | null; has_more: boolean };
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

async function send<T>(method: string, url: string, body: unknown, withCsrf: boolean, signsOut: boolean): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (withCsrf && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    if (response.status === 401 && signsOut) {
      rememberSession(null);
      onSignedOut();
    }
    throw new ApiFailure(response.status, json as ErrorBody | null);
  }
  return json as T;
}

/** The dashboard's own endpoints: the CSRF token on mutations, as they require. */
export function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  return send<T>(method, `/dashboard/api${path}`, body, method !== 'GET', path !== '/session');
}

/** The v2 API as the signed-in account owner: the CSRF token on every request. */
export function v2<T>(method: string, path: string, body?: unknown): Promise<T> {
  return send<T>(method, `/v2${path}`, body, true, true);
}

/** `path?k=v&…` with the empty values left out. */
export function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
