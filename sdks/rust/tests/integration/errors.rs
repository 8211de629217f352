//! Error responses of the real test server, as the SDK reports them.

use cloudnexus::types::{CreateInstance, ListParams};
use cloudnexus::Error;

use crate::support::{client, server};

#[tokio::test]
async fn not_found_carries_message_request_id_and_headers() {
    let err = client()
        .instances()
        .retrieve("inst_does_not_exist")
        .await
        .unwrap_err();

    let Error::NotFound(api) = &err else {
        panic!("expected NotFound, got {err:?}")
    };
    assert_eq!(api.status, 404);
    assert!(
        api.message.contains("inst_does_not_exist"),
        "{}",
        api.message
    );
    let request_id = api.request_id.as_deref().expect("a request id");
    assert!(request_id.starts_with("req_"));
    assert_eq!(api.headers.get("x-request-id").unwrap(), request_id);
    assert!(api.headers.contains_key("x-ratelimit-remaining"));
}

#[tokio::test]
async fn an_id_cannot_escape_its_path_segment() {
    // Unescaped, this would be GET /v2/account and succeed.
    let err = client()
        .instances()
        .retrieve("../account")
        .await
        .unwrap_err();

    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
}

#[tokio::test]
async fn validation_errors_name_the_offending_fields() {
    let client = client();
    let body = CreateInstance {
        name: "rust-bad-plan".into(),
        region: "eu-central-1".into(),
        plan: "no-such-plan".into(),
        image: "debian-12".into(),
        ..CreateInstance::default()
    };
    let err = client.instances().create(&body).await.unwrap_err();
    let Error::UnprocessableEntity(api) = &err else {
        panic!("expected 422, got {err:?}")
    };
    assert!(
        api.details.iter().any(|d| d.field == "plan"),
        "{:?}",
        api.details
    );

    let err = client
        .regions()
        .list(&ListParams::limit(500))
        .await
        .unwrap_err();
    let Error::BadRequest(api) = &err else {
        panic!("expected 400, got {err:?}")
    };
    assert!(
        api.details.iter().any(|d| d.field == "limit"),
        "{:?}",
        api.details
    );
}

#[tokio::test]
async fn certificates_are_verified_without_the_custom_ca() {
    let untrusting = cloudnexus::Client::builder()
        .api_key(&server().api_key)
        .base_url(&server().base_url)
        .max_retries(0)
        .build()
        .unwrap();

    let err = untrusting.account().retrieve().await.unwrap_err();

    assert!(
        matches!(err, Error::Connection(_)),
        "the self-signed certificate is refused: {err:?}"
    );
}
