//! Integration tests, in one binary so that they share one real test server.
//!
//! `support` starts `scripts/test-server.mjs` on first use; `fake_server` is a tiny local HTTP
//! server for behaviour a real server will not show on demand (429s, 503s, slow or failed actions).

mod conformance;
mod containers;
mod databases;
mod errors;
mod functions;
mod instances;
mod keys;
mod networking_storage;
mod patches;
mod read_only;
mod reserved_ips;
mod retries;
mod spec;
mod support;
mod waiting;
