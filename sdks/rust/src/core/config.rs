//! Settles the client's settings: an explicit option wins, then the environment, then a default.
//! Kept apart from the builder so it can be tested with a fake environment.

use std::time::Duration;

use super::error::{Error, Result};

/// Where the API lives unless told otherwise.
pub const DEFAULT_BASE_URL: &str = "https://api.cloudnexus.com/v2";
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
pub(crate) const DEFAULT_MAX_RETRIES: u32 = 2;
pub(crate) const DEFAULT_WAIT_TIMEOUT: Duration = Duration::from_secs(600);

/// What the caller set explicitly; `None` means "look further".
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    pub api_key: Option<String>,
    pub base_url: Option<String>,
    pub ca_pem: Option<Vec<u8>>,
    pub timeout: Option<Duration>,
    pub max_retries: Option<u32>,
    pub wait_timeout: Option<Duration>,
}

/// The settings the client runs with.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub api_key: String,
    pub base_url: String,
    pub ca_pem: Option<Vec<u8>>,
    pub timeout: Duration,
    pub max_retries: u32,
    pub wait_timeout: Duration,
}

impl Options {
    /// Fills every unset option from `env` (a variable lookup) or the default.
    pub(crate) fn resolve(self, env: impl Fn(&str) -> Option<String>) -> Result<Settings> {
        let non_empty = |name: &str| env(name).filter(|v| !v.trim().is_empty());
        let api_key = self.api_key.or_else(|| non_empty("CLOUDNEXUS_API_KEY")).ok_or_else(|| {
            Error::Config(
                "no API key: pass one to Client::new / ClientBuilder::api_key or set CLOUDNEXUS_API_KEY"
                    .into(),
            )
        })?;
        let base_url = self
            .base_url
            .or_else(|| non_empty("CLOUDNEXUS_BASE_URL"))
            .unwrap_or_else(|| DEFAULT_BASE_URL.into());
        let ca_pem = match (self.ca_pem, non_empty("CLOUDNEXUS_CA_CERT")) {
            (Some(pem), _) => Some(pem),
            (None, Some(path)) => Some(std::fs::read(&path).map_err(|e| {
                Error::Config(format!("cannot read CLOUDNEXUS_CA_CERT file {path}: {e}"))
            })?),
            (None, None) => None,
        };
        Ok(Settings {
            api_key,
            // Paths are joined as `{base_url}/{path}`, so a trailing slash would double up.
            base_url: base_url.trim_end_matches('/').to_owned(),
            ca_pem,
            timeout: self.timeout.unwrap_or(DEFAULT_TIMEOUT),
            max_retries: self.max_retries.unwrap_or(DEFAULT_MAX_RETRIES),
            wait_timeout: self.wait_timeout.unwrap_or(DEFAULT_WAIT_TIMEOUT),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn missing_api_key_is_a_config_error_naming_the_variable() {
        let err = Options::default().resolve(env(&[])).unwrap_err();
        assert!(
            matches!(&err, Error::Config(m) if m.contains("CLOUDNEXUS_API_KEY")),
            "{err}"
        );
        let blank = Options::default().resolve(env(&[("CLOUDNEXUS_API_KEY", " ")]));
        assert!(matches!(blank, Err(Error::Config(_))));
    }

    #[test]
    fn defaults_apply_when_nothing_is_set() {
        let s = Options::default()
            .resolve(env(&[("CLOUDNEXUS_API_KEY", "k")]))
            .unwrap();
        assert_eq!(s.api_key, "k");
        assert_eq!(s.base_url, DEFAULT_BASE_URL);
        assert_eq!(s.timeout, Duration::from_secs(60));
        assert_eq!(s.max_retries, 2);
        assert_eq!(s.wait_timeout, Duration::from_secs(600));
        assert!(s.ca_pem.is_none());
    }

    #[test]
    fn explicit_options_beat_the_environment() {
        let opts = Options {
            api_key: Some("explicit".into()),
            base_url: Some("https://x.test/v2/".into()),
            ca_pem: Some(b"pem".to_vec()),
            ..Options::default()
        };
        let s = opts
            .resolve(env(&[
                ("CLOUDNEXUS_API_KEY", "from-env"),
                ("CLOUDNEXUS_BASE_URL", "https://env.test/v2"),
                ("CLOUDNEXUS_CA_CERT", "/nonexistent.pem"),
            ]))
            .unwrap();
        assert_eq!(s.api_key, "explicit");
        assert_eq!(s.base_url, "https://x.test/v2");
        assert_eq!(s.ca_pem.as_deref(), Some(&b"pem"[..]));
    }

    #[test]
    fn environment_supplies_base_url_and_ca_file() {
        let path = std::env::temp_dir().join(format!("cnx-ca-{}.pem", std::process::id()));
        std::fs::write(&path, b"-----PEM-----").unwrap();
        let s = Options::default()
            .resolve(env(&[
                ("CLOUDNEXUS_API_KEY", "k"),
                ("CLOUDNEXUS_BASE_URL", "https://env.test/v2"),
                ("CLOUDNEXUS_CA_CERT", path.to_str().unwrap()),
            ]))
            .unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(s.base_url, "https://env.test/v2");
        assert_eq!(s.ca_pem.as_deref(), Some(&b"-----PEM-----"[..]));
    }

    #[test]
    fn unreadable_ca_file_is_a_config_error() {
        let err = Options::default()
            .resolve(env(&[
                ("CLOUDNEXUS_API_KEY", "k"),
                ("CLOUDNEXUS_CA_CERT", "/nonexistent/ca.pem"),
            ]))
            .unwrap_err();
        assert!(
            matches!(&err, Error::Config(m) if m.contains("/nonexistent/ca.pem")),
            "{err}"
        );
    }
}
