// The newest modification time of a file, or of any file under a folder: tells whether a build is stale.
import fs from 'node:fs';
import path from 'node:path';

export function newestMtime(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}
