// Preloaded (NODE_OPTIONS=--require) in the Node 22/24 passes of .ci/run: better-sqlite3's addon is
// built per Node ABI, and the one in node_modules belongs to Node 20. This points its dlopen at the
// copy built for this Node (CNX_SQLITE_BINDING), so node_modules stays untouched.
'use strict';
const binding = process.env.CNX_SQLITE_BINDING;
if (binding) {
  const dlopen = process.dlopen;
  process.dlopen = (module, filename, ...rest) => dlopen.call(process, module, filename.endsWith('/better_sqlite3.node') ? binding : filename, ...rest);
}
