// `npm run dist`: builds every installable artifact into dist/ (gitignored), the files the server
// hosts under /downloads and the artifact test installs:
//   dist/npm/cloudnexus-sdk-<v>.tgz, dist/npm/cloudnexus-<v>.tgz   npm pack (prepack builds them)
//   dist/python/cloudnexus-<v>-py3-none-any.whl, cloudnexus-<v>.tar.gz   python -m build
//   dist/rust/cloudnexus-<v>.crate                                   cargo package
// `--only npm,python,rust` builds a subset. A part whose toolchain is missing (python3, cargo)
// fails loudly rather than leaving a partial dist/ that looks complete.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const { values } = parseArgs({ options: { only: { type: 'string', default: 'npm,python,rust' } } });

function run(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

/** An empty dist/<part>, so a rebuilt part never keeps an older version's file beside the new one. */
function freshFolder(part) {
  const folder = path.join(dist, part);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

const parts = {
  // The CLI's dependency on @cloudnexus/sdk is by version, so its tarball installs next to the SDK's.
  npm() {
    const out = freshFolder('npm');
    for (const workspace of ['sdks/typescript', 'cli']) run(npm, ['pack', '--silent', '-w', workspace, '--pack-destination', out]);
  },
  python() {
    const out = freshFolder('python');
    const venv = path.join(dist, '.build-venv');
    const python = path.join(venv, 'bin', 'python');
    if (!fs.existsSync(python)) {
      run('python3', ['-m', 'venv', venv]);
      run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', 'build>=1.2,<2']);
    }
    const project = path.join(root, 'sdks', 'python');
    run(process.execPath, [path.join(root, 'scripts', 'copy-license.mjs')], project);
    run(python, ['-m', 'build', '--outdir', out, project]);
  },
  // --no-verify: the artifact test compiles the packaged crate in a new project, which checks more.
  rust() {
    const out = freshFolder('rust');
    const manifest = path.join(root, 'sdks', 'rust', 'Cargo.toml');
    run('cargo', ['package', '--quiet', '--no-verify', '--allow-dirty', '--manifest-path', manifest]);
    const packaged = path.join(root, 'sdks', 'rust', 'target', 'package');
    for (const file of fs.readdirSync(packaged).filter((name) => name.endsWith('.crate'))) {
      fs.copyFileSync(path.join(packaged, file), path.join(out, file));
    }
  },
};

for (const part of values.only.split(',')) {
  const build = parts[part];
  if (!build) throw new Error(`unknown part ${part} (expected npm, python or rust)`);
  console.error(`[dist] ${part}…`);
  build();
}
