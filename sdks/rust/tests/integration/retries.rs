//! Retries, backoff, Retry-After and Idempotency-Key, against the local fake server.

use std::time::{Duration, Instant};

use cloudnexus::types::{CreateInstance, ListParams};
use cloudnexus::{Error, RequestOptions};
use serde_json::json;

use crate::support::fake_server::{FakeServer, Received, Reply};

fn instance_json() -> serde_json::Value {
    json!({
        "id": "inst_fake", "name": "web-1", "region": "eu-central-1", "status": "provisioning",
        "cpu": 1, "memory_gb": 1, "ipv4": null, "plan": "micro", "image": "debian-12",
        "ssh_keys": [], "volume_ids": [], "labels": {}, "protection": {"delete": false, "rebuild": false}, "created_at": "2025-01-15T08:30:00Z", "updated_at": "2025-01-15T08:30:00Z"
    })
}

fn create_body() -> CreateInstance {
    CreateInstance {
        name: "web-1".into(),
        region: "eu-central-1".into(),
        plan: "micro".into(),
        image: "debian-12".into(),
        ..CreateInstance::default()
    }
}

fn idempotency_keys(received: &[Received]) -> Vec<Option<&str>> {
    received
        .iter()
        .map(|r| r.header("idempotency-key"))
        .collect()
}

#[tokio::test]
async fn post_retries_429_then_503_with_one_idempotency_key_honouring_retry_after() {
    let fake = FakeServer::start(|n, _| match n {
        0 => Reply::error(429, "req_a").header("retry-after", "1"),
        1 => Reply::error(503, "req_b"),
        _ => Reply::json(201, instance_json()),
    })
    .await;
    let started = Instant::now();

    let instance = fake
        .client(2)
        .instances()
        .create(&create_body())
        .await
        .expect("third attempt succeeds");

    assert_eq!(instance.id, "inst_fake");
    let received = fake.received();
    assert_eq!(received.len(), 3);
    assert!(received
        .iter()
        .all(|r| r.method == "POST" && r.target == "/v2/instances"));
    assert!(received
        .iter()
        .all(|r| r.body == received[0].body && r.body.contains(r#""plan":"micro""#)));
    let keys = idempotency_keys(&received);
    let key = keys[0].expect("a POST carries an Idempotency-Key");
    assert_eq!(key.len(), 36, "a UUID: {key}");
    assert!(
        keys.iter().all(|k| *k == Some(key)),
        "one key for every attempt: {keys:?}"
    );
    let after_429 = received[1].at - received[0].at;
    assert!(
        after_429 >= Duration::from_secs(1),
        "Retry-After: 1 honoured, waited {after_429:?}"
    );
    assert!(
        after_429 < Duration::from_millis(1500),
        "no backoff added on top: {after_429:?}"
    );
    let after_503 = received[2].at - received[1].at;
    assert!(
        after_503 >= Duration::from_millis(750),
        "second retry backs off ~1 s: {after_503:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn a_callers_idempotency_key_is_sent_on_every_attempt() {
    let fake = FakeServer::start(|n, _| match n {
        0 => Reply::error(500, "req_a").header("retry-after", "0"),
        _ => Reply::json(201, instance_json()),
    })
    .await;

    let options = RequestOptions::idempotency_key("my-key-1");
    fake.client(2)
        .instances()
        .create_with(&create_body(), options)
        .await
        .unwrap();

    assert_eq!(
        idempotency_keys(&fake.received()),
        vec![Some("my-key-1"), Some("my-key-1")]
    );
}

#[tokio::test]
async fn separate_calls_get_separate_idempotency_keys_and_gets_none() {
    let fake = FakeServer::start(|_, r| match r.method.as_str() {
        "POST" => Reply::json(201, instance_json()),
        _ => Reply::json(
            200,
            json!({"data": [], "pagination": {"next_cursor": null, "has_more": false}}),
        ),
    })
    .await;
    let client = fake.client(2);

    client.instances().create(&create_body()).await.unwrap();
    client.instances().create(&create_body()).await.unwrap();
    client.regions().list(&ListParams::default()).await.unwrap();

    let received = fake.received();
    let keys = idempotency_keys(&received);
    assert!(keys[0].is_some() && keys[1].is_some());
    assert_ne!(keys[0], keys[1]);
    assert_eq!(keys[2], None);
}

#[tokio::test]
async fn used_up_retries_surface_the_last_error_with_its_headers() {
    let fake =
        FakeServer::start(|n, _| Reply::error(429, &format!("req_{n}")).header("retry-after", "0"))
            .await;

    let err = fake.client(2).account().retrieve().await.unwrap_err();

    assert_eq!(fake.received().len(), 3, "one try and two retries");
    let Error::RateLimit(api) = &err else {
        panic!("expected RateLimit, got {err:?}")
    };
    assert_eq!(api.status, 429);
    assert_eq!(api.request_id.as_deref(), Some("req_2"));
    assert_eq!(api.headers.get("retry-after").unwrap(), "0");
}

#[tokio::test]
async fn max_retries_zero_makes_a_single_attempt() {
    let fake = FakeServer::start(|_, _| Reply::error(503, "req_once")).await;

    let err = fake.client(0).account().retrieve().await.unwrap_err();

    assert!(matches!(err, Error::InternalServer(_)), "{err:?}");
    assert_eq!(err.status(), Some(503));
    assert_eq!(fake.received().len(), 1);
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let fake = FakeServer::start(|_, _| Reply::error(409, "req_busy")).await;

    let err = fake
        .client(2)
        .instances()
        .restart("inst_1")
        .await
        .unwrap_err();

    assert!(matches!(err, Error::Conflict(_)), "{err:?}");
    let received = fake.received();
    assert_eq!(received.len(), 1);
    assert_eq!(
        (received[0].method.as_str(), received[0].target.as_str()),
        ("PUT", "/v2/instances/inst_1/restart")
    );
}

#[tokio::test]
async fn refused_connections_are_retried_then_reported() {
    // A port that was free a moment ago and has no listener now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = cloudnexus::Client::builder()
        .api_key("cnx_live_fake")
        .base_url(format!("http://127.0.0.1:{port}/v2"))
        .max_retries(1)
        .build()
        .unwrap();
    let started = Instant::now();

    let err = client.account().retrieve().await.unwrap_err();

    assert!(matches!(err, Error::Connection(_)), "{err:?}");
    assert!(
        started.elapsed() >= Duration::from_millis(375),
        "one backoff pause before the retry"
    );
}

#[tokio::test]
async fn a_slow_response_is_a_timeout_error() {
    let fake =
        FakeServer::start(|_, _| Reply::json(200, json!({})).after(Duration::from_secs(3))).await;
    let client = cloudnexus::Client::builder()
        .api_key("cnx_live_fake")
        .base_url(&fake.base_url)
        .timeout(Duration::from_millis(200))
        .max_retries(0)
        .build()
        .unwrap();

    let err = client.account().retrieve().await.unwrap_err();

    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
}
