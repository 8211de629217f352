// When a failed delivery is tried again: exponential backoff with jitter, for up to a day.

const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 3_600_000;
/** After this long since the first attempt was due, a delivery is given up and its webhook disabled. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/**
 * The wait before attempt `attempt + 1`: 30 s doubling each time up to an hour, plus up to 25%
 * jitter so receivers that fail together are not retried in lockstep. Waits grow strictly until
 * the cap: the jitter is smaller than the doubling.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), LONGEST_WAIT_MS);
  return Math.round(base * (1 + random() * 0.25));
}
