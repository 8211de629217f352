// Where rate-limit counters live. In memory for one process; a shared store (Redis) for many nodes.

export interface RateLimitStore {
  /** Adds one hit to `key` in the fixed window starting at `windowStart` (ms); returns the window's count. */
  hit(key: string, windowStart: number, windowMs: number): Promise<number>;
}

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, { windowStart: number; count: number }>();
  private currentWindow = 0;

  async hit(key: string, windowStart: number): Promise<number> {
    if (windowStart !== this.currentWindow) this.forgetBefore(windowStart);
    const counter = this.counters.get(key);
    if (counter && counter.windowStart === windowStart) return ++counter.count;
    this.counters.set(key, { windowStart, count: 1 });
    return 1;
  }

  /** Drops finished windows once per window, so memory is bounded by the accounts active in one window. */
  private forgetBefore(windowStart: number): void {
    this.currentWindow = windowStart;
    for (const [key, counter] of this.counters) if (counter.windowStart < windowStart) this.counters.delete(key);
  }
}
