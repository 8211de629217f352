// When and how long to wait before trying a request again.

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Milliseconds to wait before retry number `retry` (0 for the first retry).
 * The server's Retry-After wins when present: it knows when the rate-limit window resets.
 * Otherwise exponential backoff with jitter, so many clients that failed together do not retry together.
 */
export function retryDelayMs(retry: number, headers: Headers | undefined, random = Math.random): number {
  const serverDelay = retryAfterMs(headers);
  if (serverDelay !== undefined) return serverDelay;
  const backoff = Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_DELAY_MS);
  return backoff * (1 - 0.25 * random());
}

/** Retry-After as seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
