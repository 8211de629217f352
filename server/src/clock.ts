/** Milliseconds since the epoch. Injected so tests can hold time still or move it on. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** How times are stored: ISO-8601 UTC with milliseconds, which sorts correctly as text. */
export function storedTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** How times are shown: ISO-8601 UTC to the second, as in `2025-01-15T08:30:00Z`. */
export function apiTime(stored: string): string;
export function apiTime(stored: string | null): string | null;
export function apiTime(stored: string | null): string | null {
  return stored === null ? null : stored.replace(/\.\d{3}Z$/, 'Z');
}
