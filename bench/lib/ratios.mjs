// Every target's req/s against both floors, measured in the same run: bare node:https with the
// server's certificate (equal TLS cost, what the targets of issues 10 and 23 are stated against) and
// bare node:http (what TLS itself costs); and against the framework's ceiling, one bare Fastify
// route putting the same page on the wire with no work behind it, which no route of the server can
// pass. And the check that wrk was not the limit (issue 25).

// A single wrk process may fall at most this far below two processes splitting the connections
// before the run is flagged as client-bound.
export const CLIENT_TOLERANCE = 0.1;

// What the issues ask of a target, as a ratio to bare node:https.
const GOALS = {
  list: '>= 0.40 (issue 10, cached)',
  'list-fresh': '>= 0.40 (issue 23)',
  'list-pg': '>= 0.40 (issue 10, cached)',
  'list-pg-fresh': '>= 0.30 (issue 23)',
};

/** One row per named target present in `summary`: its req/s over each floor and over the ceiling. */
export function ratiosTo(summary, names) {
  return names
    .filter((name) => summary[name])
    .map((name) => ({
      target: name,
      rps: summary[name].rps,
      overHttps: summary[name].rps / summary.node.rps,
      overHttp: summary[name].rps / summary['node-http'].rps,
      overFastify: summary[name].rps / summary.fastify.rps,
      goal: GOALS[name] ?? null,
    }));
}

/** One wrk process against two on the same target: `ok` when one reaches within the tolerance of two. */
export function clientCheck(one, two) {
  const ratio = one.rps / two.rps;
  // wrk's CPU with one process says whether it could have been the limit (near a full core) or
  // whether contention for the machine decided the difference.
  return { oneProcessRps: one.rps, twoProcessesRps: two.rps, ratio, ok: ratio >= 1 - CLIENT_TOLERANCE, oneProcessCpuPct: one.loadCpuPct };
}
