const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Shows that a long wait is going on, on stderr so stdout stays clean for the result. A terminal
 * gets a spinner with the elapsed time, redrawn in place; anything else (CI logs, pipes) gets one
 * plain line when the wait starts and one when it ends, since redraws would turn into noise there.
 */
export async function withProgress<T>(what: string, wait: () => Promise<T>, stream: ProgressStream = process.stderr): Promise<T> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  let timer: NodeJS.Timeout | undefined;
  if (stream.isTTY) {
    let frame = 0;
    const draw = () => stream.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${what} (${elapsed()})`);
    draw();
    timer = setInterval(draw, 100);
  } else {
    stream.write(`Waiting: ${what}\n`);
  }
  try {
    const result = await wait();
    stream.write(`${stream.isTTY ? '\r\x1b[2K✓ ' : 'Done: '}${what} (${elapsed()})\n`);
    return result;
  } catch (error) {
    if (stream.isTTY) stream.write('\r\x1b[2K');
    throw error;
  } finally {
    clearInterval(timer);
  }
}
