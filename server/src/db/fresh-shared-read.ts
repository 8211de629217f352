// One database round trip per stamp would cost more than the answers it saves, so concurrent
// callers share reads, but never a read that began before they asked: it could predate a change
// they already know of (their own write, just acknowledged). Such callers wait for the next read.

const ignore = () => undefined;

/** `read`, shared among callers: each gets the result of a read that started after its call. */
export function freshSharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  // The read the callers arriving while `running` is in flight will share.
  let queued: Promise<T> | null = null;

  const start = (): Promise<T> => {
    const current = read();
    running = current;
    const settle = () => {
      if (running === current) running = null;
    };
    current.then(settle, settle);
    return current;
  };

  return () => {
    if (running === null) return start();
    queued ??= running.then(ignore, ignore).then(() => {
      queued = null;
      return start();
    });
    return queued;
  };
}
