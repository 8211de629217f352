//! Sends one API call: authentication, JSON, the `Idempotency-Key` on POSTs, and retries with
//! backoff on rate limits, server faults and broken connections.

use std::borrow::Cow;

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use uuid::Uuid;

use super::backoff::retry_delay;
use super::config::Settings;
use super::error::{Error, Result};
use super::request::RequestOptions;
use crate::generated::operation;

/// The HTTP client and the settings every call needs.
#[derive(Debug)]
pub(crate) struct Transport {
    http: reqwest::Client,
    pub(crate) settings: Settings,
}

/// One call to make: `query` goes in the URL, `body` (JSON, or an upload's bytes) in the request.
pub(crate) struct Call<'a, Q: Serialize + ?Sized> {
    method: Method,
    path: Cow<'a, str>,
    query: &'a Q,
    body: Option<Vec<u8>>,
    /// The media type of `body`: JSON unless the call is an upload.
    content_type: &'static str,
    options: RequestOptions,
}

const JSON: &str = "application/json";

/// A call built from the operations table ([`Call::op`]).
pub(crate) type OpCall = Call<'static, [(&'static str, &'static str)]>;

/// Calls without a query string use this as their query.
const NO_QUERY: &[(&str, &str)] = &[];

impl<'a, Q: Serialize + ?Sized> Call<'a, Q> {
    /// `GET path?query`.
    pub(crate) fn get(path: &'a str, query: &'a Q) -> Self {
        Call {
            method: Method::GET,
            path: path.into(),
            query,
            body: None,
            content_type: JSON,
            options: RequestOptions::default(),
        }
    }
}

impl OpCall {
    /// The operation `id` of the spec, its `{name}` path parameters filled from `params`: the
    /// method and path come from the generated table, never from the caller.
    pub(crate) fn op(id: &'static str, params: &[(&str, &str)]) -> Self {
        let op = operation(id);
        Call {
            method: op.http_method(),
            path: op.relative_path(params).into(),
            query: NO_QUERY,
            body: None,
            content_type: JSON,
            options: RequestOptions::default(),
        }
    }

    /// This call with `query` in its URL (lists and metrics).
    pub(crate) fn query<Q: Serialize + ?Sized>(self, query: &Q) -> Call<'_, Q> {
        Call {
            method: self.method,
            path: self.path,
            query,
            body: self.body,
            content_type: self.content_type,
            options: self.options,
        }
    }

    /// The path of this list operation, for a stream that fetches it again page after page.
    pub(crate) fn list_path(self) -> String {
        assert_eq!(self.method, Method::GET, "only GET operations are lists");
        self.path.into_owned()
    }

    /// This call with `body` as JSON and per-call options (such as an `Idempotency-Key`).
    pub(crate) fn body(mut self, body: &impl Serialize, options: RequestOptions) -> Self {
        // Request bodies are derived structs with string keys, which always serialize.
        self.body = Some(serde_json::to_vec(body).expect("request bodies serialize to JSON"));
        self.options = options;
        self
    }

    /// This call with `bytes` as its body, sent as they are with their media type (an upload).
    pub(crate) fn raw(
        mut self,
        bytes: Vec<u8>,
        content_type: &'static str,
        options: RequestOptions,
    ) -> Self {
        self.body = Some(bytes);
        self.content_type = content_type;
        self.options = options;
        self
    }
}

impl Transport {
    pub(crate) fn new(settings: Settings) -> Result<Self> {
        let mut builder = reqwest::Client::builder()
            .use_rustls_tls()
            .timeout(settings.timeout)
            .user_agent(concat!("cloudnexus-rust/", env!("CARGO_PKG_VERSION")));
        if let Some(pem) = &settings.ca_pem {
            let certs = reqwest::Certificate::from_pem_bundle(pem)
                .map_err(|e| Error::Config(format!("invalid CA certificate PEM: {e}")))?;
            if certs.is_empty() {
                return Err(Error::Config("the CA PEM holds no certificate".into()));
            }
            for cert in certs {
                builder = builder.add_root_certificate(cert);
            }
        }
        let http = builder
            .build()
            .map_err(|e| Error::Config(format!("cannot build the HTTP client: {e}")))?;
        Ok(Transport { http, settings })
    }

    /// Makes the call and decodes a JSON success body.
    pub(crate) async fn json<T: DeserializeOwned, Q: Serialize + ?Sized>(
        &self,
        call: Call<'_, Q>,
    ) -> Result<T> {
        let body = self.send(call).await?;
        serde_json::from_slice(&body).map_err(Error::Decode)
    }

    /// Makes the call, retrying what is worth retrying, and returns the success body.
    pub(crate) async fn send<Q: Serialize + ?Sized>(&self, call: Call<'_, Q>) -> Result<Vec<u8>> {
        let url = format!(
            "{}/{}",
            self.settings.base_url,
            call.path.trim_start_matches('/')
        );
        // One key per call, reused by its retries, so the server applies the POST at most once.
        let idempotency_key = (call.method == Method::POST).then(|| {
            call.options
                .idempotency_key
                .clone()
                .unwrap_or_else(|| Uuid::new_v4().to_string())
        });
        let mut retry = 0;
        loop {
            let mut request = self
                .http
                .request(call.method.clone(), &url)
                .query(call.query)
                .header(AUTHORIZATION, format!("Bearer {}", self.settings.api_key));
            if let Some(body) = &call.body {
                request = request
                    .header(CONTENT_TYPE, call.content_type)
                    .body(body.clone());
            }
            if let Some(key) = &idempotency_key {
                request = request.header("Idempotency-Key", key);
            }
            let retries_left = retry < self.settings.max_retries;
            match request.send().await {
                Ok(response) if response.status().is_success() => {
                    return response
                        .bytes()
                        .await
                        .map(|b| b.to_vec())
                        .map_err(transport_error);
                }
                Ok(response) => {
                    let status = response.status();
                    let headers = response.headers().clone();
                    if retries_left && is_retryable(status) {
                        tokio::time::sleep(retry_delay(retry, Some(&headers))).await;
                    } else {
                        let body = response.bytes().await.unwrap_or_default();
                        return Err(Error::from_response(status.as_u16(), headers, &body));
                    }
                }
                Err(e) if retries_left && !e.is_timeout() && !e.is_builder() => {
                    tokio::time::sleep(retry_delay(retry, None)).await;
                }
                Err(e) => return Err(transport_error(e)),
            }
            retry += 1;
        }
    }
}

/// Statuses that say "try again later" rather than "this request is wrong".
fn is_retryable(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504)
}

fn transport_error(e: reqwest::Error) -> Error {
    if e.is_timeout() {
        Error::Timeout(format!("request timed out: {e}"))
    } else {
        Error::Connection(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Options;

    fn with_ca(pem: &[u8]) -> Result<Transport> {
        let options = Options {
            api_key: Some("k".into()),
            ca_pem: Some(pem.to_vec()),
            ..Options::default()
        };
        Transport::new(options.resolve(|_| None)?)
    }

    #[test]
    fn a_ca_option_without_a_certificate_is_a_config_error() {
        for pem in [
            &b""[..],
            b"not a certificate",
            b"-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n",
        ] {
            let err = with_ca(pem).unwrap_err();
            assert!(matches!(err, Error::Config(_)), "{err:?}");
        }
    }

    #[test]
    fn only_the_documented_statuses_are_retried() {
        let retried: Vec<u16> = (400..600)
            .filter(|&s| is_retryable(StatusCode::from_u16(s).unwrap()))
            .collect();
        assert_eq!(retried, vec![429, 500, 502, 503, 504]);
    }
}
