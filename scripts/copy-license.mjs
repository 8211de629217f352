// Copies the repository's LICENSE into the current directory, so a package built from here ships it
// (npm pack and Python's sdist only take files inside the package; the copies are gitignored).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
fs.copyFileSync(path.join(root, 'LICENSE'), path.join(process.cwd(), 'LICENSE'));
