// CPU time of another process, from /proc, so a run can show whether the target or the load
// generator was the one saturating a core (on a 2-core box, either can be the bottleneck).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond;

/** Clock ticks per second for /proc/<pid>/stat; asked once (usually 100). */
export function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User+system CPU seconds used so far by `pid` (all its threads), or null where /proc is unavailable. */
export function processCpuSeconds(pid, ticks = clockTicks()) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, i.e. 11 and 12 after the name.
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return null;
  }
}

/**
 * User+system CPU seconds of this process's children that have exited and been reaped (from
 * /proc/self/stat), or null without /proc. Taken before and after the wrk processes of a run, the
 * difference is their CPU: the only children that exit during a run.
 */
export function reapedChildrenCpuSeconds(ticks = clockTicks()) {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime are fields 16 and 17 of the whole line, i.e. 13 and 14 after the name.
    return (Number(fields[13]) + Number(fields[14])) / ticks;
  } catch {
    return null;
  }
}

/**
 * CPU seconds the whole machine has been busy (all cores), or null without /proc. Minus what the
 * target and the load generator used, it shows what else ran during a window: the kernel's
 * loopback networking, and anything sharing the box (a test suite, a build) that skews the numbers.
 */
export function machineBusyCpuSeconds(ticks = clockTicks()) {
  try {
    const [user, nice, system, , , irq, softirq, steal] = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n', 1)[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) / ticks;
  } catch {
    return null;
  }
}
