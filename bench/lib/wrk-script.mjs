// The Lua script wrk runs for one target: what each request carries, and a done() that prints the
// run's numbers as one JSON line (`BENCH_RESULT {...}`) so lib/wrk.mjs reads them without
// scraping wrk's human-readable table. Requests are built in C by wrk; the script only sets them up,
// except for creates, which need a fresh name and Idempotency-Key per request.

/** A Lua string literal for any JS string: quotes, backslashes and control bytes escaped. */
export function luaString(value) {
  const escaped = String(value).replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\\' || c === '"') return `\\${c}`;
    // Always three digits, so a digit that follows cannot extend the escape.
    return `\\${String(c.charCodeAt(0)).padStart(3, '0')}`;
  });
  return `"${escaped}"`;
}

function headerLines(headers) {
  return Object.entries(headers).map(([name, value]) => `wrk.headers[${luaString(name)}] = ${luaString(value)}`);
}

// Collects every thread (setup runs in wrk's main Lua state, once per thread) so done() can add up
// what their response() callbacks counted. JSON strings are escaped with \u sequences.
const DONE = `
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads)
end

local function json_string(s)
  if s == nil then return "null" end
  return '"' .. s:gsub('[%c"\\\\]', function(c) return string.format("\\\\u%04x", c:byte()) end) .. '"'
end

function done(summary, latency, requests)
  local unexpected, first = 0, nil
  for _, thread in ipairs(threads) do
    unexpected = unexpected + (thread:get("unexpected") or 0)
    first = first or thread:get("first_unexpected")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"durationUs":%d,"requests":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f},' ..
    '"unexpected":%d,"firstUnexpected":%s}\\n',
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    unexpected, json_string(first)))
end
`;

// Counts every answer whose status is not the expected one and keeps the first (status and the
// start of its body) for the error message. Only for low-rate targets: defining response() makes
// wrk hand every response to Lua, which would cost a fast target its client headroom.
function statusCheck(expectStatus) {
  return `
unexpected = 0
function response(status, headers, body)
  if status ~= ${Number(expectStatus)} then
    unexpected = unexpected + 1
    if first_unexpected == nil then first_unexpected = status .. " " .. string.sub(body or "", 1, 300) end
  end
end
`;
}

/**
 * A create per request: account keys in rotation (each account's instance quota is finite), and a
 * name and Idempotency-Key unique across threads and wrk processes (`runId` differs per process).
 */
function createRequests({ path, keys, fields }, runId) {
  // The body is the fields plus "name", spliced in as the last member.
  const fieldsJson = JSON.stringify(fields);
  const bodyPrefix = `${fieldsJson.slice(0, -1)}${fieldsJson.length > 2 ? ',' : ''}"name":"`;
  return `
wrk.method = "POST"
wrk.path = ${luaString(path)}
wrk.headers["content-type"] = "application/json"
local keys = { ${keys.map(luaString).join(', ')} }
local body_prefix = ${luaString(bodyPrefix)}
thread_index = 0
local sent = 0
function request()
  sent = sent + 1
  local name = string.format("%s-%d-%d", ${luaString(runId)}, thread_index, sent)
  wrk.headers["authorization"] = "Bearer " .. keys[(sent + thread_index) % #keys + 1]
  wrk.headers["idempotency-key"] = name
  return wrk.format(nil, nil, nil, body_prefix .. name .. '"}')
end
`;
}

/**
 * GETs over every account and path in rotation (the mixed target's reads): each request formatted
 * once, before the run, so wrk's Lua only picks the next one.
 */
function rotatingRequests({ keys, paths }) {
  return `
local keys = { ${keys.map(luaString).join(', ')} }
local paths = { ${paths.map(luaString).join(', ')} }
local requests = {}
thread_index = 0
local sent = 0
function init()
  for p = 1, #paths do
    for k = 1, #keys do
      wrk.headers["authorization"] = "Bearer " .. keys[k]
      table.insert(requests, wrk.format("GET", paths[p]))
    end
  end
end
function request()
  sent = sent + 1
  return requests[(sent + thread_index) % #requests + 1]
end
`;
}

/**
 * The mixed target's writes, in turn: a create, a restart of one of the account's running
 * instances, and a delete of a running instance made before the run. Each process takes the next
 * \`perProcess\` of those from \`deletable\` ([key index, id] pairs), so no two processes delete the
 * same one; once a process has used its share, its deletes become creates.
 */
function writeRequests({ keys, restartable, deletable, perProcess, fields }, runId) {
  const fieldsJson = JSON.stringify(fields);
  const bodyPrefix = `${fieldsJson.slice(0, -1)}${fieldsJson.length > 2 ? ',' : ''}"name":"`;
  const targets = restartable.map((ids) => `{ ${ids.map(luaString).join(', ')} }`).join(', ');
  const mine = deletable.splice(0, perProcess);
  const victims = mine.map(([k, id]) => `{ k = ${k + 1}, id = ${luaString(id)} }`).join(', ');
  return `
local keys = { ${keys.map(luaString).join(', ')} }
local restartable = { ${targets} }
local body_prefix = ${luaString(bodyPrefix)}
local created, first, last = { ${victims} }, 1, ${mine.length}
thread_index = 0
local sent = 0
local function as(k)
  wrk.headers["authorization"] = "Bearer " .. keys[k]
  wrk.headers["content-type"] = nil
  wrk.headers["idempotency-key"] = nil
end
function request()
  sent = sent + 1
  local turn = sent % 3
  if turn == 1 and first <= last then
    local victim = created[first]
    created[first] = nil
    first = first + 1
    as(victim.k)
    return wrk.format("DELETE", "/v2/instances/" .. victim.id)
  end
  local k = (sent + thread_index) % #keys + 1
  as(k)
  if turn == 2 then
    local ids = restartable[k]
    return wrk.format("PUT", "/v2/instances/" .. ids[math.floor(sent / 3 / #keys) % #ids + 1] .. "/restart")
  end
  local name = string.format("%s-%d-%d", ${luaString(runId)}, thread_index, sent)
  wrk.headers["content-type"] = "application/json"
  wrk.headers["idempotency-key"] = name
  return wrk.format("POST", "/v2/instances", nil, body_prefix .. name .. '"}')
end
unexpected = 0
function response(status, headers, body)
  if status ~= 201 and status ~= 202 then
    unexpected = unexpected + 1
    if first_unexpected == nil then first_unexpected = status .. " " .. string.sub(body or "", 1, 300) end
  end
end
`;
}

function staticRequest({ method, path, headers = {}, body }) {
  return [
    `wrk.method = ${luaString(method)}`,
    `wrk.path = ${luaString(path)}`,
    ...headerLines(headers),
    ...(body === undefined ? [] : [`wrk.body = ${luaString(body)}`]),
  ].join('\n');
}

/**
 * The script for one wrk process. `workload` is { kind: 'static', method, path, headers, body },
 * { kind: 'create', path, keys, fields }, { kind: 'rotate', keys, paths } or { kind: 'writes', keys,
 * restartable, deletable, perProcess, fields } (which checks its own statuses); `checkStatus` (a status code) adds
 * the per-response check.
 */
export function wrkScript({ workload, checkStatus = null, runId = 'r' }) {
  const builders = { create: createRequests, rotate: rotatingRequests, writes: writeRequests, static: staticRequest };
  const requests = builders[workload.kind](workload, runId);
  return `-- Generated by bench/lib/wrk-script.mjs.\n${requests}\n${checkStatus === null ? '' : statusCheck(checkStatus)}${DONE}`;
}
