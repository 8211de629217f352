//! Shared test helpers: the real test server and clients for it.

pub mod fake_server;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::OnceLock;

use cloudnexus::{Client, Error};

/// SSH public keys that no other test (nor the conformance scenario) uses, since the server
/// refuses the same key twice in one account.
pub const SSH_KEY_A: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFVm74Z2j3365fMltE82dfpxkTeTRlGD035sPvACfu2b rust-sdk-1";
pub const SSH_KEY_B: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAII0pdPNRIw13x42Yal7OyjG7oz3t6RizSyryFHDQx3Ov rust-sdk-2";
pub const SSH_KEY_C: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJufY43Ru+jFX6CDPBP6qz6k7bOMJHTfjlEN0xmP03ka rust-sdk-3";
pub const SSH_KEY_D: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINJegJyWytmSbU72GjVzaViyTVZ6EHtMsiUjUN/akGmS rust-sdk-4";

/// A running `scripts/test-server.mjs`: a fresh data dir and an enterprise account.
pub struct TestServer {
    pub base_url: String,
    pub api_key: String,
    pub ca_pem: Vec<u8>,
    pub account_id: String,
    // Held, never used: while this process lives, the script's stdin stays open and the server
    // runs; when the test binary exits the pipe closes and the script stops the server and
    // deletes its data.
    _process: Child,
    _stdout: BufReader<ChildStdout>,
}

static SERVER: OnceLock<TestServer> = OnceLock::new();

/// The one test server of this test binary, started on first use.
pub fn server() -> &'static TestServer {
    SERVER.get_or_init(start_server)
}

fn start_server() -> TestServer {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/test-server.mjs");
    let mut process = Command::new("node")
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run `node {}`: {e}", script.display()));
    let mut stdout = BufReader::new(process.stdout.take().expect("piped stdout"));
    let mut line = String::new();
    stdout
        .read_line(&mut line)
        .expect("read the test server's ready line");
    let ready: serde_json::Value = serde_json::from_str(&line)
        .unwrap_or_else(|e| panic!("test server did not start (got {line:?}): {e}"));
    let field = |name: &str| {
        ready[name]
            .as_str()
            .unwrap_or_else(|| panic!("no {name} in {line}"))
            .to_owned()
    };
    let ca_pem = std::fs::read(field("ca_file")).expect("read the test server's certificate");
    TestServer {
        base_url: field("base_url"),
        api_key: field("api_key"),
        ca_pem,
        account_id: field("account_id"),
        _process: process,
        _stdout: stdout,
    }
}

/// A client for the test server with the account's key.
pub fn client() -> Client {
    client_with_key(&server().api_key)
}

/// A client for the test server with another key.
pub fn client_with_key(api_key: &str) -> Client {
    let server = server();
    Client::builder()
        .api_key(api_key)
        .base_url(&server.base_url)
        .ca_pem(server.ca_pem.clone())
        .build()
        .expect("build a client for the test server")
}

/// The scenario's error class names, the same in every SDK.
pub fn error_name(err: &Error) -> &'static str {
    match err {
        Error::BadRequest(_) => "BadRequestError",
        Error::Authentication(_) => "AuthenticationError",
        Error::PermissionDenied(_) => "PermissionDeniedError",
        Error::NotFound(_) => "NotFoundError",
        Error::Conflict(_) => "ConflictError",
        Error::UnprocessableEntity(_) => "UnprocessableEntityError",
        Error::RateLimit(_) => "RateLimitError",
        Error::InternalServer(_) => "InternalServerError",
        Error::Api(_) => "APIError",
        Error::Connection(_) => "APIConnectionError",
        Error::Timeout(_) => "APITimeoutError",
        Error::ActionFailed(_) => "ActionFailedError",
        Error::Decode(_) => "DecodeError",
        Error::Config(_) => "ConfigError",
    }
}
