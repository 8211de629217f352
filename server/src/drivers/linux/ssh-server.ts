// The SSH server of the built-in minimal image: the host's dropbear (Debian's dropbear-bin) and the
// shared libraries it links, copied into the tree at the same paths. Without dropbear on the host
// the image simply has no SSH server (the preflight says so); everything else still works.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { run } from './host-command.js';

export const DROPBEAR = '/usr/sbin/dropbear';
const PROGRAMS = [DROPBEAR, '/usr/bin/dropbearkey'];

/** True when this host can give its minimal images an SSH server. */
export const hasSshServer = () => PROGRAMS.every((program) => existsSync(program));

/** The libraries `ldd` names for a program (resolved paths, the dynamic loader included). */
async function librariesOf(program: string): Promise<string[]> {
  const out = await run('ldd', [program]);
  return [...out.matchAll(/(?:=>\s*)?(\/\S+)\s+\(0x/g)].map((m) => m[1] as string);
}

/** Copies dropbear, dropbearkey and their libraries into `root`; a no-op on a host without them. */
export async function installSshServer(root: string): Promise<void> {
  if (!hasSshServer()) return;
  const files = new Set<string>(PROGRAMS);
  for (const program of PROGRAMS) for (const library of await librariesOf(program)) files.add(library);
  for (const file of files) {
    const target = path.join(root, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // The content, not the link: the tree must not point back into the host.
    await fs.copyFile(await fs.realpath(file), target);
    await fs.chmod(target, 0o755);
  }
  await fs.mkdir(path.join(root, 'etc/dropbear'), { recursive: true, mode: 0o700 });
}
