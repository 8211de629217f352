// An invocation's logs: stdout and stderr interleaved as they arrive, capped at LOGS_CAP_BYTES,
// each stream complete once the bootstrap's END mark comes through it (the mark is not kept).
export const LOGS_CAP_BYTES = 64 * 1024;
const END = '\u0000cnx-end\u0000';

type Stream = 'stdout' | 'stderr';

export class LogCollector {
  private kept = '';
  private truncated = false;
  private readonly pending: Record<Stream, string> = { stdout: '', stderr: '' };
  private readonly done = new Set<Stream>();
  private finish: () => void = () => undefined;
  /** Resolves once both streams have shown the END mark. */
  readonly complete = new Promise<void>((resolve) => (this.finish = resolve));

  add(stream: Stream, chunk: Buffer): void {
    if (this.done.has(stream)) return;
    const text = this.pending[stream] + chunk.toString('utf8');
    const end = text.indexOf(END);
    if (end >= 0) {
      this.keep(text.slice(0, end));
      this.pending[stream] = '';
      this.done.add(stream);
      if (this.done.size === 2) this.finish();
      return;
    }
    // A mark split across chunks: hold back the tail only when it is the start of one.
    const mark = text.lastIndexOf('\u0000', text.length - 1);
    const safe = mark >= 0 && END.startsWith(text.slice(mark)) ? mark : text.length;
    this.keep(text.slice(0, safe));
    this.pending[stream] = text.slice(safe);
  }

  text(): string {
    const rest = this.pending.stdout + this.pending.stderr;
    const all = this.kept + rest;
    if (!this.truncated && Buffer.byteLength(all) <= LOGS_CAP_BYTES) return all;
    return `${Buffer.from(all).subarray(0, LOGS_CAP_BYTES - 20).toString('utf8')}\n[logs truncated]\n`;
  }

  private keep(text: string): void {
    if (this.truncated || text === '') return;
    this.kept += text;
    if (Buffer.byteLength(this.kept) > LOGS_CAP_BYTES) {
      this.kept = Buffer.from(this.kept).subarray(0, LOGS_CAP_BYTES).toString('utf8');
      this.truncated = true;
    }
  }
}
