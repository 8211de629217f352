// `functions deploy ./dir`: the directory as the base64 zip the API takes. Hidden entries
// (`.git`, `.env`…) stay behind; symlinks are followed only inside the directory.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { CliError } from '../cli-error.js';

/** The API's cap on the unpacked source. */
const SOURCE_LIMIT_BYTES = 10 * 1024 * 1024;

export function zipDirectory(dir: string): string {
  const root = path.resolve(dir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new CliError(`${dir} is not a directory`);
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      const real = fs.realpathSync(path.join(root, name));
      if (real !== root && !real.startsWith(`${root}${path.sep}`)) throw new CliError(`${name} points outside ${dir}`);
      if (fs.statSync(real).isDirectory()) walk(name);
      else {
        files[name] = fs.readFileSync(real);
        total += files[name].length;
        if (total > SOURCE_LIMIT_BYTES) throw new CliError(`${dir} holds more than 10 MiB, the most a function's source may unpack to`);
      }
    }
  };
  walk('');
  if (Object.keys(files).length === 0) throw new CliError(`${dir} holds no files`);
  return Buffer.from(zipSync(files, { level: 6 })).toString('base64');
}
