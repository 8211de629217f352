// Who is calling: what an authenticated request (an API key or a dashboard session) may do.

export interface AuthContext {
  accountId: string;
  /** The key that authenticated the request; null for a dashboard session. */
  keyId: string | null;
  /** The dashboard user behind a session; null for an API key. */
  userId: string | null;
  scopes: readonly string[];
  regions: readonly string[] | null;
  rateLimit: number;
}
