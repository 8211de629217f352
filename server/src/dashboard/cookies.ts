// The session cookie. `__Host-` makes the browser insist on Secure, Path=/ and no Domain, so no
// subdomain or plain-HTTP page can set or shadow it; HttpOnly keeps it from scripts; SameSite=Strict
// keeps it off every cross-site request.
export const SESSION_COOKIE = '__Host-cnx_session';

/** The session token from a Cookie header, if any. */
export function sessionToken(header: string | undefined): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0`;
}
