// Which operations each SDK covers, read from its hand-written source: the distinct operationIds
// named by an `op('<operationId>'` call (the convention of issue 19: the operations table turns the
// literal into the method and path, so a wrong literal sends the request elsewhere and fails tests).
import fs from 'node:fs';
import path from 'node:path';

/** The convention's pattern, shared by every SDK's check. */
export const OP_LITERAL = /\bop\(\s*['"]([A-Za-z0-9]+)['"]/g;

/**
 * Where each SDK's methods live, relative to the repository root. `exclude` names folders whose
 * files are generated (the operations tables and wire types themselves). Python's sync client is
 * generated from the async one but is what sync users call, so it is scanned on its own.
 */
export const SDK_SOURCES = {
  ts: { root: 'sdks/typescript/src', ext: '.ts', exclude: ['generated'] },
  'python-async': { root: 'sdks/python/src/cloudnexus/_async', ext: '.py', exclude: [] },
  'python-sync': { root: 'sdks/python/src/cloudnexus/_sync', ext: '.py', exclude: [] },
  rust: { root: 'sdks/rust/src', ext: '.rs', exclude: ['generated'] },
};

/** Every file under `root` with the extension, outside excluded folders; none when root is absent. */
export function sourceFiles(repoRoot, { root, ext, exclude }) {
  const start = path.join(repoRoot, root);
  if (!fs.existsSync(start)) return [];
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!exclude.includes(entry.name)) walk(full);
      } else if (entry.name.endsWith(ext)) {
        files.push(full);
      }
    }
  };
  walk(start);
  return files.sort();
}

/** The distinct operationIds named by `op('…')` literals in a text. */
export function opLiterals(text) {
  return new Set([...text.matchAll(OP_LITERAL)].map((match) => match[1]));
}

/** The operationIds an SDK's sources name. */
export function sdkOperations(repoRoot, sources) {
  const names = new Set();
  for (const file of sourceFiles(repoRoot, sources)) {
    for (const name of opLiterals(fs.readFileSync(file, 'utf8'))) names.add(name);
  }
  return names;
}
