// /install.sh: the installer template (install.sh beside this file) with this server's address,
// the CLI and SDK tarballs it hosts and their hashes written in, so the script needs no other host.
import fs from 'node:fs';

/** The same file from src/downloads/ (tsx) and dist/downloads/ (built): both sit two levels below server/. */
const TEMPLATE = new URL('../../src/downloads/install.sh', import.meta.url);
const MARKER = /^# @SETTINGS@.*$/m;

export interface InstallSettings {
  serverUrl: string;
  cli: { file: string; sha256: string };
  sdk: { file: string; sha256: string };
  /** The server's own certificate when it is self-signed (the script then trusts it), else null. */
  serverCa: string | null;
}

/** Single-quoted for bash: nothing inside is expanded. */
function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

let template: string | undefined;

export function renderInstallScript(settings: InstallSettings): string {
  const lines = [
    `SERVER_URL=${quote(settings.serverUrl)}`,
    `CLI_FILE=${quote(settings.cli.file)}`,
    `CLI_SHA256=${quote(settings.cli.sha256)}`,
    `SDK_FILE=${quote(settings.sdk.file)}`,
    `SDK_SHA256=${quote(settings.sdk.sha256)}`,
    `SERVER_CA=${quote(settings.serverCa?.trim() ?? '')}`,
  ];
  // Read on first use and kept: the template ships with the server and does not change under it.
  template ??= fs.readFileSync(TEMPLATE, 'utf8');
  return template.replace(MARKER, lines.join('\n'));
}
