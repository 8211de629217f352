// Daily backup slots: the first whole `hour`:00 UTC strictly after a moment.
export const DAY_MS = 86_400_000;

export function nextDailySlot(afterMs: number, hour: number): number {
  const day = new Date(afterMs);
  const slot = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour);
  return slot > afterMs ? slot : slot + DAY_MS;
}
