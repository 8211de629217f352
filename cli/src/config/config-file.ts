import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What `auth login` remembers for one named profile. */
export interface Profile {
  api_key: string;
  base_url?: string;
  ca_cert?: string;
}

export interface ConfigFile {
  profiles: Record<string, Profile>;
}

/** `$XDG_CONFIG_HOME/cloudnexus/config.json`, falling back to `~/.config` as the XDG spec says. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'cloudnexus', 'config.json');
}

export function readConfig(file = configPath()): ConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<ConfigFile>;
  return { profiles: parsed.profiles ?? {} };
}

/**
 * Writes the file holding API keys readable by its owner only. The content goes to a temporary
 * file created with mode 0600 and is renamed over the old one, so no reader ever sees a half-written
 * file and the key is never briefly world-readable (as it would be with write-then-chmod).
 */
export function writeConfig(config: ConfigFile, file = configPath()): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}
