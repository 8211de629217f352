import { CliError } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';

/**
 * Gets the API key for `auth login` when no --api-key is given: typed at a terminal without echo
 * (so it stays out of the scrollback and shell history), or piped in, e.g. from a secret store
 * (`vault read … | cloudnexus auth login`).
 */
export async function readKey(stdin: NodeJS.ReadStream = process.stdin, stderr: NodeJS.WriteStream = process.stderr): Promise<string> {
  const key = stdin.isTTY ? await promptHidden('API key: ', stdin, stderr) : await firstLine(stdin);
  if (!key) throw new CliError('No API key given: type it at the prompt, pipe it in, or pass --api-key.');
  return key;
}

async function firstLine(stdin: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += chunk;
  return text.split(/\r?\n/)[0]!.trim();
}

function promptHidden(prompt: string, stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (outcome: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      outcome();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(() => resolve(typed.trim()));
        if (char === '\u0003') return finish(() => reject(new CliError('Login cancelled.', ExitCode.interrupted)));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
