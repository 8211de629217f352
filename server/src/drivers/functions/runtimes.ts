// The runtimes installed on this host, probed once at startup: `node` and `python3` on PATH, named
// by their major (Node) or major.minor (Python) version as the catalog lists them. The absolute
// interpreter path is kept because workers run with the function's environment only (no PATH).
import { execFileSync } from 'node:child_process';
import type { FunctionRuntime } from '../function-driver.js';

export interface InstalledRuntime extends FunctionRuntime {
  executable: string;
}

const PROBES = [
  { language: 'nodejs', file: 'node', args: ['-p', 'process.execPath + "\\n" + process.versions.node'], id: (v: string) => `nodejs${v.split('.')[0]}` },
  { language: 'python', file: 'python3', args: ['-c', 'import sys; print(sys.executable); print("%d.%d.%d" % sys.version_info[:3])'], id: (v: string) => `python${v.split('.').slice(0, 2).join('.')}` },
] as const;

export function probeRuntimes(): InstalledRuntime[] {
  return PROBES.flatMap((probe) => {
    try {
      const [executable = '', version = ''] = execFileSync(probe.file, probe.args, { encoding: 'utf8', timeout: 10_000 }).trim().split('\n');
      return [{ id: probe.id(version), language: probe.language, version, executable }];
    } catch {
      // Not installed: the catalog simply does not offer it.
      return [];
    }
  });
}
