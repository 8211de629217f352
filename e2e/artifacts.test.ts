// Each built artifact installs into a fresh project outside the repository and works against a real
// server (scripts/test-server.mjs): the npm tarballs of the SDK and CLI, the Python wheel (and sdist)
// in a new virtualenv, and the packaged crate as a path dependency of a new cargo project. Each smoke
// program (scripts/artifact-smoke/) lists regions, then creates an instance and waits for it to run.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
// @ts-expect-error: a plain .mjs helper shared with npm start, without type declarations.
import { distDir, ensureDist } from '../scripts/lib/ensure-dist.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const smoke = path.join(root, 'scripts', 'artifact-smoke');
const has = (tool: string) => !spawnSync(tool, ['--version']).error;
const built = (part: string) => fs.readdirSync(path.join(distDir as string, part));

interface TestServer {
  base_url: string;
  api_key: string;
  ca_file: string;
}

describe('built artifacts install and work outside the repository', { timeout: 900_000 }, () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-artifacts-'));
  let server: ChildProcess;
  let ready: TestServer;
  before(async () => {
    (ensureDist as (parts: string[]) => void)(['npm', ...(has('python3') ? ['python'] : []), ...(has('cargo') ? ['rust'] : [])]);
    server = spawn(process.execPath, [path.join(root, 'scripts', 'test-server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
    ready = JSON.parse(await new Promise<string>((resolve) => readline.createInterface({ input: server.stdout! }).once('line', resolve)));
  });
  after(async () => {
    if (server) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.stdin!.end();
      await exited;
    }
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** Runs a step in `cwd`, failing the test with its output when it fails. */
  function run(command: string, args: string[], cwd: string, options: SpawnSyncOptions = {}): string {
    const env = { ...process.env, CLOUDNEXUS_API_KEY: ready.api_key, CLOUDNEXUS_BASE_URL: ready.base_url, CLOUDNEXUS_CA_CERT: ready.ca_file, ...options.env };
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 600_000, ...options, env });
    assert.equal(result.status, 0, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
    return String(result.stdout);
  }
  /** The smoke program's last line: regions listed, and the instance it created running. */
  function assertSmoke(output: string) {
    const result = JSON.parse(output.trim().split('\n').at(-1) as string) as { regions: number; status: string };
    assert.ok(result.regions > 0, output);
    assert.equal(result.status, 'running', output);
  }
  const project = (name: string) => {
    const dir = path.join(work, name);
    fs.mkdirSync(dir);
    return dir;
  };

  test('npm: the SDK and CLI tarballs install together (the CLI needs the SDK by version)', () => {
    const dir = project('npm');
    const tarballs = built('npm').map((file) => path.join(distDir as string, 'npm', file));
    fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true,"type":"module"}\n');
    run('npm', ['install', '--no-audit', '--no-fund', '--update-notifier=false', ...tarballs], dir);
    fs.copyFileSync(path.join(smoke, 'smoke.mjs'), path.join(dir, 'smoke.mjs'));
    assertSmoke(run(process.execPath, ['smoke.mjs'], dir));
    const regions = JSON.parse(run(path.join(dir, 'node_modules', '.bin', 'cloudnexus'), ['regions', 'list', '-o', 'json'], dir));
    assert.ok(regions.length > 0);
  });

  test('python: the wheel installs into a new virtualenv; the sdist builds one too', { skip: has('python3') ? false : 'python3 is not installed' }, () => {
    const dir = project('python');
    run('python3', ['-m', 'venv', 'venv'], dir);
    const python = path.join(dir, 'venv', 'bin', 'python');
    const wheel = built('python').find((file) => file.endsWith('.whl'));
    const sdist = built('python').find((file) => file.endsWith('.tar.gz'));
    assert.ok(wheel && sdist, `dist/python holds ${built('python').join(', ')}`);
    run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', path.join(distDir as string, 'python', wheel)], dir);
    assertSmoke(run(python, [path.join(smoke, 'smoke.py'), 'smoke-wheel'], dir));
    run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--force-reinstall', '--no-deps', path.join(distDir as string, 'python', sdist)], dir);
    assertSmoke(run(python, [path.join(smoke, 'smoke.py'), 'smoke-sdist'], dir));
  });

  test('rust: a new cargo project depends on the unpacked crate by path', { skip: has('cargo') ? false : 'cargo is not installed' }, () => {
    const dir = project('rust');
    const crate = built('rust').find((file) => file.endsWith('.crate'));
    assert.ok(crate, `dist/rust holds ${built('rust').join(', ')}`);
    run('tar', ['xzf', path.join(distDir as string, 'rust', crate), '-C', dir], dir);
    const unpacked = path.join(dir, crate.replace(/\.crate$/, ''));
    const app = path.join(dir, 'smoke');
    fs.mkdirSync(path.join(app, 'src'), { recursive: true });
    fs.writeFileSync(
      path.join(app, 'Cargo.toml'),
      `[package]\nname = "smoke"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\ncloudnexus = { path = ${JSON.stringify(unpacked)} }\ntokio = { version = "1", features = ["macros", "rt-multi-thread"] }\nfutures = "0.3"\n`,
    );
    fs.copyFileSync(path.join(smoke, 'main.rs'), path.join(app, 'src', 'main.rs'));
    // The crate's own lock pins the dependency versions the SDK's tests build, and sharing the SDK's
    // target folder compiles each of them once for both (the Rust suite runs after this one).
    fs.copyFileSync(path.join(unpacked, 'Cargo.lock'), path.join(app, 'Cargo.lock'));
    const target = { CARGO_TARGET_DIR: path.join(root, 'sdks', 'rust', 'target') };
    assertSmoke(run('cargo', ['run', '--quiet'], app, { env: target }));
  });
});
