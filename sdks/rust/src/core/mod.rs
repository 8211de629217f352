//! What every resource shares: configuration, errors, the HTTP transport with retries, backoff
//! and pagination.

pub(crate) mod backoff;
pub(crate) mod config;
pub(crate) mod error;
pub(crate) mod pagination;
pub(crate) mod request;
pub(crate) mod transport;
