// How clients reach a database: its connection details and URI, with the password only where the
// API shows it (the create response and a password reset).
import type { DatabaseRow } from './store.js';

const SCHEMES: Record<string, string> = { postgres: 'postgresql', mysql: 'mysql', redis: 'redis' };

export function connectionUri(row: Pick<DatabaseRow, 'engine' | 'host' | 'port' | 'database_name'>, user: string, password: string | null): string {
  const credentials = password === null ? encodeURIComponent(user) : `${encodeURIComponent(user)}:${encodeURIComponent(password)}`;
  return `${SCHEMES[row.engine] ?? row.engine}://${credentials}@${row.host}:${row.port}/${encodeURIComponent(row.database_name)}`;
}

export function connectionOf(row: DatabaseRow, password: string | null) {
  return { host: row.host, port: row.port, user: row.admin_user, password, database: row.database_name, uri: connectionUri(row, row.admin_user, password) };
}
