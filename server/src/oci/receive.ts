// Saves an upload to a file while counting it, and stops at the cap: a body over the limit is
// refused as it streams, never stored whole first.
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export class UploadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`The upload is over ${maxBytes} bytes`);
    this.name = 'UploadTooLarge';
  }
}

/** Writes `body` to `file`; the number of bytes, or UploadTooLarge once it passes `maxBytes`. */
export function saveCapped(body: Readable, file: string, maxBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    let size = 0;
    const fail = (error: Error) => {
      // The request is left unread rather than destroyed, so the client still gets the answer.
      body.off('data', onData);
      body.pause();
      out.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return fail(new UploadTooLarge(maxBytes));
      if (!out.write(chunk)) {
        body.pause();
        out.once('drain', () => body.resume());
      }
    };
    body.on('data', onData);
    body.once('end', () => out.end());
    body.once('error', fail);
    out.once('error', fail);
    out.once('finish', () => resolve(size));
  });
}
