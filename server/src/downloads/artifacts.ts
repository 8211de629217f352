// The artifacts `npm run dist` leaves in the downloads folder (dist/npm, dist/python, dist/rust),
// each with its SHA-256. The folder is read on every call, so a rebuilt dist/ is served without a
// restart; a hash is kept while the file's size and mtime stay the same.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const PARTS = ['npm', 'python', 'rust'] as const;
export type Part = (typeof PARTS)[number];

export interface Artifact {
  part: Part;
  file: string;
  path: string;
  size: number;
  sha256: string;
}

/** A file name as `npm run dist` writes them: no separators, no leading dot. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

export class Artifacts {
  private readonly hashes = new Map<string, { stamp: string; sha256: string }>();

  constructor(private readonly dir: string) {}

  list(part: Part): Artifact[] {
    const folder = path.join(this.dir, part);
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .filter((name) => SAFE_NAME.test(name))
      .sort()
      .flatMap((file) => {
        const found = this.find(part, file);
        return found ? [found] : [];
      });
  }

  /** One artifact by name, or null for an unknown (or unsafe) name. */
  find(part: Part, file: string): Artifact | null {
    if (!SAFE_NAME.test(file)) return null;
    const full = path.join(this.dir, part, file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    return { part, file, path: full, size: stat.size, sha256: this.hash(full, stat) };
  }

  private hash(file: string, stat: fs.Stats): string {
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    const known = this.hashes.get(file);
    if (known?.stamp === stamp) return known.sha256;
    const sha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    this.hashes.set(file, { stamp, sha256 });
    return sha256;
  }
}
