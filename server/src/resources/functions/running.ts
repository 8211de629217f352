// Invocations running in this process, by account and by function: what the concurrency limits
// count. Kept in memory, so an invoke costs no write before it runs (on SQLite every commit is an
// fsync); with several nodes each one holds its accounts to the limits on its own.
export class RunningInvocations {
  private readonly byAccount = new Map<string, number>();
  private readonly byFunction = new Map<string, number>();

  of(accountId: string): number {
    return this.byAccount.get(accountId) ?? 0;
  }

  ofFunction(functionId: string): number {
    return this.byFunction.get(functionId) ?? 0;
  }

  /** Counts one more; the returned function counts it out again (once). */
  enter(accountId: string, functionId: string): () => void {
    const bump = (map: Map<string, number>, key: string, by: number) => {
      const next = (map.get(key) ?? 0) + by;
      if (next === 0) map.delete(key);
      else map.set(key, next);
    };
    bump(this.byAccount, accountId, 1);
    bump(this.byFunction, functionId, 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      bump(this.byAccount, accountId, -1);
      bump(this.byFunction, functionId, -1);
    };
  }
}

/** This process's count, which GET /v2/account shows as `function_concurrency.used`. */
export const RUNNING_INVOCATIONS = new RunningInvocations();
