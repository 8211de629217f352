// Function sources on disk under config.functionsDir, never in the database: one folder per
// distinct source, named by its digest (`<fn id>/<sha256>/`), so two deploys racing for the same
// function cannot overwrite each other's files. A source is written to a temporary folder and
// renamed into place, so a worker never sees half of one.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SourceFiles } from './archive.js';

export class FunctionSources {
  constructor(private readonly root: string) {}

  dirOf(functionId: string, sha256: string): string {
    return path.join(this.root, functionId, sha256);
  }

  /** Writes a source's files; returns their digest (over sorted paths and contents) and size. */
  async write(functionId: string, files: SourceFiles): Promise<{ sha256: string; bytes: number }> {
    const names = [...files.keys()].sort();
    const hash = createHash('sha256');
    let bytes = 0;
    for (const name of names) {
      const content = files.get(name) as Uint8Array;
      hash.update(`${name}\0${content.length}\0`).update(content);
      bytes += content.length;
    }
    const sha256 = hash.digest('hex');
    const target = this.dirOf(functionId, sha256);
    const staging = `${target}.${process.pid}.${Date.now()}.partial`;
    for (const name of names) {
      const file = path.join(staging, name);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, files.get(name) as Uint8Array);
    }
    await fs.mkdir(staging, { recursive: true });
    // The same source already in place is the same files: keep it.
    await fs.rename(staging, target).catch(() => fs.rm(staging, { recursive: true, force: true }));
    return { sha256, bytes };
  }

  /** Removes the function's other sources (once `keep` is deployed), or all of them. */
  async prune(functionId: string, keep?: string): Promise<void> {
    const dir = path.join(this.root, functionId);
    const entries = await fs.readdir(dir).catch(() => [] as string[]);
    await Promise.all(entries.filter((e) => e !== keep).map((e) => fs.rm(path.join(dir, e), { recursive: true, force: true })));
    if (keep === undefined) await fs.rm(dir, { recursive: true, force: true });
  }
}
