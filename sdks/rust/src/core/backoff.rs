//! How long to pause: between retries of a request, and between polls of an action.

use std::time::Duration;

use rand::Rng;
use reqwest::header::HeaderMap;

/// First retry pause; it doubles with each further retry.
const RETRY_INITIAL: Duration = Duration::from_millis(500);
/// No retry pause grows past this.
const RETRY_CAP: Duration = Duration::from_secs(8);
/// A longer `Retry-After` than this is not honoured: the caller is better served by the error
/// than by a call that hangs for minutes.
const RETRY_AFTER_MAX: Duration = Duration::from_secs(60);

/// First pause between action polls.
pub(crate) const POLL_INITIAL: Duration = Duration::from_millis(100);
/// Each poll pause is this much longer than the one before...
const POLL_GROWTH: f64 = 1.5;
/// ...up to this.
const POLL_CAP: Duration = Duration::from_secs(2);

/// The pause before retry number `retry` (0 for the first retry): the server's `Retry-After`
/// when it gave a usable one, else exponential backoff with jitter.
pub(crate) fn retry_delay(retry: u32, headers: Option<&HeaderMap>) -> Duration {
    headers
        .and_then(retry_after)
        .unwrap_or_else(|| jittered(exponential(retry)))
}

/// `RETRY_INITIAL * 2^retry`, capped.
fn exponential(retry: u32) -> Duration {
    RETRY_INITIAL
        .saturating_mul(2u32.saturating_pow(retry))
        .min(RETRY_CAP)
}

/// Takes up to a quarter off, so that many clients failing together do not retry together.
fn jittered(delay: Duration) -> Duration {
    delay.mul_f64(1.0 - rand::thread_rng().gen_range(0.0..0.25))
}

/// `Retry-After` in (possibly fractional) seconds; absent, unparsable or too long gives `None`.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let seconds: f64 = headers
        .get("retry-after")?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let delay = Duration::try_from_secs_f64(seconds).ok()?;
    (delay <= RETRY_AFTER_MAX).then_some(delay)
}

/// The poll pause that follows `previous`.
pub(crate) fn next_poll_delay(previous: Duration) -> Duration {
    previous.mul_f64(POLL_GROWTH).min(POLL_CAP)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(retry_after: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("retry-after", retry_after.parse().unwrap());
        h
    }

    #[test]
    fn backoff_doubles_from_half_a_second_up_to_eight_with_at_most_a_quarter_jitter() {
        for (retry, full_ms) in [
            (0, 500),
            (1, 1000),
            (2, 2000),
            (3, 4000),
            (4, 8000),
            (10, 8000),
            (40, 8000),
        ] {
            let delay = retry_delay(retry, None).as_millis();
            assert!(
                delay <= full_ms && delay >= full_ms * 3 / 4,
                "retry {retry}: {delay} ms"
            );
        }
    }

    #[test]
    fn retry_after_seconds_win_over_backoff() {
        assert_eq!(retry_delay(0, Some(&headers("3"))), Duration::from_secs(3));
        assert_eq!(
            retry_delay(5, Some(&headers("0.25"))),
            Duration::from_millis(250)
        );
    }

    #[test]
    fn unusable_retry_after_falls_back_to_backoff() {
        for value in ["soon", "-1", "3600", "Wed, 21 Oct 2015 07:28:00 GMT"] {
            let delay = retry_delay(0, Some(&headers(value)));
            assert!(delay <= Duration::from_millis(500), "{value}: {delay:?}");
        }
    }

    #[test]
    fn poll_delay_grows_by_half_and_stops_at_two_seconds() {
        assert_eq!(next_poll_delay(POLL_INITIAL), Duration::from_millis(150));
        assert_eq!(next_poll_delay(Duration::from_millis(1800)), POLL_CAP);
        assert_eq!(next_poll_delay(POLL_CAP), POLL_CAP);
    }
}
