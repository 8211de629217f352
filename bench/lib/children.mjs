// Every child process the benchmark starts goes through here, so one call can stop them all,
// on success, on error and on Ctrl-C alike.
import { fork, spawn } from 'node:child_process';

const children = new Set();

function track(child, name) {
  child.benchName = name;
  // Keep the tail of its output: if it dies, that is what explains why.
  child.outputTail = '';
  const keep = (chunk) => {
    child.outputTail = (child.outputTail + chunk).slice(-4000);
  };
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** A command whose output we read (the real server, the CLI). */
export function spawnTracked(name, command, args, options = {}) {
  return track(spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options }), name);
}

/** One of our own .mjs helpers, with an IPC channel for its ready/result messages. */
export function forkTracked(name, modulePath, args = []) {
  return track(fork(modulePath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }), name);
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

function describeExit(child, code, signal) {
  const tail = child.outputTail?.trim();
  return `${child.benchName} exited (code ${code}, signal ${signal})${tail ? `; its last output:\n${tail}` : ''}`;
}

/** Resolves with the first stdout match of `pattern`; rejects if the child exits or time runs out first. */
export function waitForOutput(child, pattern, timeoutMs) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      const match = seen.match(pattern);
      if (match) finish(null, match);
    };
    const onExit = (code, signal) => finish(new Error(describeExit(child, code, signal)));
    const timer = setTimeout(
      () => finish(new Error(`${child.benchName} did not print ${pattern} within ${timeoutMs} ms; output so far:\n${seen}`)),
      timeoutMs,
    );
    function finish(error, match) {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(match);
    }
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Resolves with the first IPC message; rejects if the child exits first, or reports an error, or time runs out. */
export function waitForMessage(child, timeoutMs) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => finish(message?.error ? new Error(`${child.benchName}: ${message.error}`) : null, message);
    const onExit = (code, signal) => finish(new Error(describeExit(child, code, signal)));
    const timer = setTimeout(() => finish(new Error(`${child.benchName} sent nothing within ${timeoutMs} ms`)), timeoutMs);
    function finish(error, message) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Resolves with the exit code once the child has finished (for one-shot commands). */
export function waitForExit(child) {
  if (exited(child)) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** SIGTERM (the real server shuts down cleanly on it, closing its database), then SIGKILL after a grace period. */
export async function stopChild(child, graceMs = 5000) {
  if (exited(child)) return;
  const done = waitForExit(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
}

export async function stopAll() {
  await Promise.all([...children].map((child) => stopChild(child)));
}
