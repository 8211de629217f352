// A function's source as files: from a base64 zip (streamed through fflate, so a zip bomb stops at
// the cap however small its headers claim its files are) or from the `files` map. Paths that leave
// the function's folder (absolute, `..`, backslashes) are refused, like anything over 10 MiB.
import { Unzip, UnzipInflate, strToU8 } from 'fflate';
import { apiError } from '../../errors/catalog.js';
import type { ApiError } from '../../errors/api-error.js';
import { SOURCE_LIMIT_BYTES } from './schema.js';

export type SourceFiles = Map<string, Uint8Array>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function filesFromZip(base64: string): SourceFiles {
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) throw invalidSource('source', 'Not base64');
  const zip = Buffer.from(base64, 'base64');
  const files: SourceFiles = new Map();
  let total = 0;
  let problem: ApiError | null = null;
  const unzip = new Unzip((file) => {
    if (file.name.endsWith('/') || problem) return;
    const name = checkedPath(file.name);
    if (typeof name !== 'string') {
      problem = name;
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (problem) return;
      if (error) {
        problem = invalidSource('source', `Cannot unpack ${name}: ${error.message}`);
        return;
      }
      total += chunk.length;
      if (total > SOURCE_LIMIT_BYTES) {
        problem = invalidSource('source', 'The source unpacks to more than 10 MiB');
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) files.set(name, Buffer.concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(zip, true);
  } catch (error) {
    throw invalidSource('source', `Not a zip archive (${(error as Error).message})`);
  }
  if (problem) throw problem;
  // A zip's entries follow its local headers: an archive whose central directory is missing or
  // whose entries were cut short yields nothing, which is no source either.
  if (files.size === 0) throw invalidSource('source', 'Not a zip archive, or one without files');
  return files;
}

export function filesFromMap(map: Record<string, string>): SourceFiles {
  const files: SourceFiles = new Map();
  let total = 0;
  for (const [path, content] of Object.entries(map)) {
    const name = checkedPath(path, `files.${path}`);
    if (typeof name !== 'string') throw name;
    const bytes = strToU8(content);
    total += bytes.length;
    if (total > SOURCE_LIMIT_BYTES) throw invalidSource('files', 'The files add up to more than 10 MiB');
    files.set(name, bytes);
  }
  if (files.size === 0) throw invalidSource('files', 'At least one file');
  return files;
}

/** The path as kept (without a leading `./`), or why it is refused. */
function checkedPath(path: string, field = 'source'): string | ApiError {
  const name = path.replace(/^(\.\/)+/, '');
  const segments = name.split('/');
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\0') || segments.some((s) => s === '..' || s === '' || s === '.')) {
    return invalidSource(field, `The path ${JSON.stringify(path)} leaves the function's folder or is not a plain relative path`);
  }
  return name;
}

function invalidSource(field: string, message: string): ApiError {
  return apiError('invalid_source', 'Invalid function source', [{ field, message }]);
}
