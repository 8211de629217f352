//! Checking that a webhook delivery came from CloudNexus.
//!
//! The `CloudNexus-Signature` header is `t=<unix seconds>,v1=<hex>`, where the hex is
//! HMAC-SHA256 of `<t>.<raw body>` keyed with the webhook's secret. The signed time is checked
//! too, so a captured delivery cannot be replayed later.

use std::time::{SystemTime, UNIX_EPOCH};

use ring::hmac;

use crate::types::Event;

/// Seconds a delivery's signed time may differ from now.
pub const DEFAULT_TOLERANCE: u64 = 300;

/// Why a delivery did not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// The header has no `t=` timestamp or no `v1=` signature.
    #[error("malformed signature header: {0}")]
    MalformedHeader(&'static str),
    /// The signed time is further from now than the tolerance.
    #[error("the signature's time is more than {0} s from now")]
    OutsideTolerance(u64),
    /// No signature matches the payload and secret.
    #[error("no signature matches the payload")]
    NoMatch,
    /// The signature matched but the payload is not an event.
    #[error("the payload is not an event: {0}")]
    InvalidPayload(String),
}

/// Options for [`verify`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifyOptions {
    /// Seconds the signed time may differ from now.
    pub tolerance: u64,
    /// The current time in Unix seconds; `None` reads the system clock.
    pub now: Option<u64>,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            tolerance: DEFAULT_TOLERANCE,
            now: None,
        }
    }
}

/// Verifies `payload` (the raw body, exactly as received) against the signature `header` and
/// returns the event.
pub fn verify(
    payload: &[u8],
    header: &str,
    secret: &str,
    options: VerifyOptions,
) -> Result<Event, VerifyError> {
    let (timestamp, signatures) = parse(header)?;
    let now = options.now.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    });
    if now.abs_diff(timestamp) > options.tolerance {
        return Err(VerifyError::OutsideTolerance(options.tolerance));
    }
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    let mut signed = format!("{timestamp}.").into_bytes();
    signed.extend_from_slice(payload);
    // ring compares in constant time.
    if !signatures
        .iter()
        .any(|tag| hmac::verify(&key, &signed, tag).is_ok())
    {
        return Err(VerifyError::NoMatch);
    }
    serde_json::from_slice(payload).map_err(|e| VerifyError::InvalidPayload(e.to_string()))
}

fn parse(header: &str) -> Result<(u64, Vec<Vec<u8>>), VerifyError> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        let Some((name, value)) = part.trim().split_once('=') else {
            continue;
        };
        match name {
            "t" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                timestamp = value.parse().ok()
            }
            "v1" => {
                if let Some(tag) = decode_hex(value).filter(|tag| tag.len() == 32) {
                    signatures.push(tag);
                }
            }
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(VerifyError::MalformedHeader("no timestamp (t=)"))?;
    if signatures.is_empty() {
        return Err(VerifyError::MalformedHeader("no v1 signature"));
    }
    Ok((timestamp, signatures))
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn shared_vectors() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../conformance/webhook-vectors.json");
        let vectors: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        let secret = vectors["secret"].as_str().unwrap();
        let cases = vectors["cases"].as_array().unwrap();
        assert!(cases.len() > 10);
        for case in cases {
            let name = case["name"].as_str().unwrap();
            let options = VerifyOptions {
                tolerance: case["tolerance"].as_u64().unwrap_or(DEFAULT_TOLERANCE),
                now: case["now"].as_u64(),
            };
            let payload = case["payload"].as_str().unwrap();
            let result = verify(
                payload.as_bytes(),
                case["header"].as_str().unwrap(),
                secret,
                options,
            );
            if case["valid"].as_bool().unwrap() {
                let event = result.unwrap_or_else(|e| panic!("{name}: {e}"));
                let expected: Value = serde_json::from_str(payload).unwrap();
                assert_eq!(event.id, expected["id"].as_str().unwrap(), "{name}");
            } else {
                assert!(result.is_err(), "{name} should not verify");
            }
        }
    }

    #[test]
    fn tolerance_errors_say_so() {
        let key = hmac::Key::new(hmac::HMAC_SHA256, b"whsec_x");
        let body = br#"{"id":"evt_1","type":"webhook.test","resource_type":"webhook","resource_id":"wh_1","actor":{"type":"api_key","id":"key_1"},"request_id":null,"data":{},"created_at":"2026-01-15T08:30:00Z"}"#;
        let mut signed = b"1000.".to_vec();
        signed.extend_from_slice(body);
        let tag: String = hmac::sign(&key, &signed)
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let header = format!("t=1000,v1={tag}");
        let at = |now| VerifyOptions {
            now: Some(now),
            ..VerifyOptions::default()
        };
        assert_eq!(
            verify(body, &header, "whsec_x", at(1300)).unwrap().r#type,
            "webhook.test"
        );
        assert_eq!(
            verify(body, &header, "whsec_x", at(1301)),
            Err(VerifyError::OutsideTolerance(300))
        );
    }
}
