//! The one error type of the SDK: a variant per HTTP status class the API documents, plus the
//! failures that happen before or after HTTP (connection, timeout, a failed action, bad config).

use reqwest::header::HeaderMap;
use serde::Deserialize;

use crate::types::{Action, ErrorDetail};

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error response from the API: the envelope `{"error":{...}}` plus the response headers.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status code.
    pub status: u16,
    /// Human-readable message from the server.
    pub message: String,
    /// The stable machine-readable cause (e.g. `resource_busy`, `not_found`); match on this, never
    /// on `message`. `None` when the server sends none.
    pub reason: Option<String>,
    /// Per-field problems (e.g. `region`, `ssh_keys[0]`); empty when the error is not about input.
    pub details: Vec<ErrorDetail>,
    /// The request id (`X-Request-Id`), to quote when asking for support.
    pub request_id: Option<String>,
    /// Every response header, e.g. `Retry-After` or the `X-RateLimit-*` headers.
    pub headers: HeaderMap,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status, self.message)?;
        if let Some(id) = &self.request_id {
            write!(f, " (request {id})")?;
        }
        Ok(())
    }
}

/// Everything a CloudNexus call can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// 400: malformed JSON, missing fields or bad query parameters.
    #[error("bad request: {0}")]
    BadRequest(Box<ApiError>),
    /// 401: missing, malformed, unknown, revoked or expired API key.
    #[error("authentication failed: {0}")]
    Authentication(Box<ApiError>),
    /// 403: the key lacks the scope or region for this request.
    #[error("permission denied: {0}")]
    PermissionDenied(Box<ApiError>),
    /// 404: unknown id or route (another account's resource is a 404 too).
    #[error("not found: {0}")]
    NotFound(Box<ApiError>),
    /// 409: duplicate, already in the requested state, or busy.
    #[error("conflict: {0}")]
    Conflict(Box<ApiError>),
    /// 422: semantically invalid (unknown region, plan or image; quota exceeded).
    #[error("unprocessable entity: {0}")]
    UnprocessableEntity(Box<ApiError>),
    /// 429: rate limited, after the SDK's own retries were used up.
    #[error("rate limited: {0}")]
    RateLimit(Box<ApiError>),
    /// 500 and above, after the SDK's own retries were used up.
    #[error("server error: {0}")]
    InternalServer(Box<ApiError>),
    /// Any other non-success status (e.g. 405, 413, 415).
    #[error("API error: {0}")]
    Api(Box<ApiError>),
    /// The server could not be reached, or the connection broke before a response arrived.
    #[error("connection error: {0}")]
    Connection(#[source] reqwest::Error),
    /// A request, or waiting for an action, took longer than allowed.
    #[error("timed out: {0}")]
    Timeout(String),
    /// An action the SDK waited for ended `errored`; the action says why.
    #[error("action {} ({}) failed: {}", .0.id, .0.r#type, .0.error.as_deref().unwrap_or("no reason given"))]
    ActionFailed(Box<Action>),
    /// A success response whose body is not what the API documents.
    #[error("unexpected response body: {0}")]
    Decode(#[source] serde_json::Error),
    /// The client is misconfigured (no API key, unreadable CA certificate, ...).
    #[error("configuration error: {0}")]
    Config(String),
}

impl Error {
    /// Builds the variant for an error response from its status, headers and body.
    pub(crate) fn from_response(status: u16, headers: HeaderMap, body: &[u8]) -> Self {
        // Boxed: an API error carries its headers, and `Result<T, Error>` should stay small.
        let api = Box::new(ApiError::parse(status, headers, body));
        match status {
            400 => Error::BadRequest(api),
            401 => Error::Authentication(api),
            403 => Error::PermissionDenied(api),
            404 => Error::NotFound(api),
            409 => Error::Conflict(api),
            422 => Error::UnprocessableEntity(api),
            429 => Error::RateLimit(api),
            s if s >= 500 => Error::InternalServer(api),
            _ => Error::Api(api),
        }
    }

    /// The API error behind this error, if it came from an HTTP error response.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::BadRequest(e)
            | Error::Authentication(e)
            | Error::PermissionDenied(e)
            | Error::NotFound(e)
            | Error::Conflict(e)
            | Error::UnprocessableEntity(e)
            | Error::RateLimit(e)
            | Error::InternalServer(e)
            | Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The HTTP status, if this error came from an HTTP error response.
    pub fn status(&self) -> Option<u16> {
        self.api_error().map(|e| e.status)
    }
}

#[derive(Deserialize)]
struct Envelope {
    error: EnvelopeBody,
}

#[derive(Deserialize)]
struct EnvelopeBody {
    message: String,
    reason: Option<String>,
    #[serde(default)]
    details: Vec<ErrorDetail>,
    request_id: Option<String>,
}

impl ApiError {
    /// Reads the error envelope; a body that is not one (a proxy's HTML page, say) still gives
    /// an error with the status, the raw text as message and the request id from the header.
    fn parse(status: u16, headers: HeaderMap, body: &[u8]) -> Self {
        let header_request_id = headers
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        match serde_json::from_slice::<Envelope>(body) {
            Ok(Envelope { error }) => ApiError {
                status,
                message: error.message,
                reason: error.reason,
                details: error.details,
                request_id: error.request_id.or(header_request_id),
                headers,
            },
            Err(_) => ApiError {
                status,
                message: String::from_utf8_lossy(body).trim().to_owned(),
                reason: None,
                details: Vec::new(),
                request_id: header_request_id,
                headers,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_for(status: u16) -> Error {
        let body = format!(
            r#"{{"error":{{"code":{status},"message":"nope","details":[{{"field":"region","message":"unknown"}}],"request_id":"req_1"}}}}"#
        );
        Error::from_response(status, HeaderMap::new(), body.as_bytes())
    }

    #[test]
    fn each_status_maps_to_its_variant() {
        assert!(matches!(error_for(400), Error::BadRequest(_)));
        assert!(matches!(error_for(401), Error::Authentication(_)));
        assert!(matches!(error_for(403), Error::PermissionDenied(_)));
        assert!(matches!(error_for(404), Error::NotFound(_)));
        assert!(matches!(error_for(409), Error::Conflict(_)));
        assert!(matches!(error_for(422), Error::UnprocessableEntity(_)));
        assert!(matches!(error_for(429), Error::RateLimit(_)));
        assert!(matches!(error_for(500), Error::InternalServer(_)));
        assert!(matches!(error_for(503), Error::InternalServer(_)));
        assert!(matches!(error_for(405), Error::Api(_)));
        assert!(matches!(error_for(413), Error::Api(_)));
    }

    #[test]
    fn envelope_fields_are_carried() {
        let err = error_for(422);
        let api = err.api_error().expect("an API error");
        assert_eq!(api.status, 422);
        assert_eq!(api.message, "nope");
        assert_eq!(api.details[0].field, "region");
        assert_eq!(api.request_id.as_deref(), Some("req_1"));
        assert_eq!(api.reason, None);
        assert_eq!(err.status(), Some(422));
    }

    #[test]
    fn the_envelope_reason_is_carried() {
        let body =
            br#"{"error":{"code":409,"message":"busy","reason":"resource_busy","details":[]}}"#;
        let err = Error::from_response(409, HeaderMap::new(), body);
        assert_eq!(
            err.api_error().and_then(|e| e.reason.as_deref()),
            Some("resource_busy")
        );
    }

    #[test]
    fn a_body_that_is_not_an_envelope_keeps_status_text_and_header_request_id() {
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", "req_h".parse().unwrap());
        let err = Error::from_response(502, headers, b"<html>Bad Gateway</html>");
        let api = err.api_error().unwrap();
        assert!(matches!(err, Error::InternalServer(_)));
        assert_eq!(api.message, "<html>Bad Gateway</html>");
        assert_eq!(api.request_id.as_deref(), Some("req_h"));
    }
}
