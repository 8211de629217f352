//! Per-call options.

/// Options for one call, for the operations that take them (the `*_with` methods).
#[derive(Debug, Clone, Default)]
pub struct RequestOptions {
    /// The `Idempotency-Key` to send with a POST instead of a generated UUID. Reuse a key to make a
    /// retried create (e.g. after your process restarted) return the first result, not a second
    /// resource.
    pub idempotency_key: Option<String>,
}

impl RequestOptions {
    /// Options that send `key` as the `Idempotency-Key`.
    pub fn idempotency_key(key: impl Into<String>) -> Self {
        RequestOptions {
            idempotency_key: Some(key.into()),
        }
    }
}
