//! Waiting for actions: polling pace, failure and timeout, against the local fake server.

use std::time::Duration;

use cloudnexus::types::ActionStatus;
use cloudnexus::Error;
use serde_json::json;

use crate::support::fake_server::{FakeServer, Reply};

fn action(status: &str, error: Option<&str>) -> Reply {
    Reply::json(
        200,
        json!({
            "id": "act_1", "type": "restart", "status": status, "resource_id": "inst_1", "resource_type": "instance",
            "started_at": "2025-01-15T08:30:00Z", "completed_at": null, "error": error
        }),
    )
}

#[tokio::test]
async fn polls_with_growing_pauses_until_completed() {
    let fake = FakeServer::start(|n, _| {
        if n < 3 {
            action("in-progress", None)
        } else {
            action("completed", None)
        }
    })
    .await;

    let done = fake.client(0).actions().wait_for("act_1").await.unwrap();

    assert_eq!(done.status, ActionStatus::Completed);
    let received = fake.received();
    assert_eq!(received.len(), 4);
    assert!(received.iter().all(|r| r.target == "/v2/actions/act_1"));
    let pauses: Vec<Duration> = received.windows(2).map(|w| w[1].at - w[0].at).collect();
    assert!(pauses[0] >= Duration::from_millis(100), "{pauses:?}");
    assert!(pauses[1] >= Duration::from_millis(150), "{pauses:?}");
    assert!(pauses[2] >= Duration::from_millis(225), "{pauses:?}");
}

#[tokio::test]
async fn an_errored_action_is_action_failed_carrying_the_action() {
    let fake = FakeServer::start(|n, _| {
        if n == 0 {
            action("in-progress", None)
        } else {
            action("errored", Some("driver fault"))
        }
    })
    .await;

    let err = fake
        .client(0)
        .actions()
        .wait_for("act_1")
        .await
        .unwrap_err();

    let Error::ActionFailed(failed) = &err else {
        panic!("expected ActionFailed, got {err:?}")
    };
    assert_eq!(failed.id, "act_1");
    assert_eq!(failed.status, ActionStatus::Errored);
    assert_eq!(failed.error.as_deref(), Some("driver fault"));
    assert!(err.to_string().contains("driver fault"), "{err}");
}

#[tokio::test]
async fn waiting_past_the_wait_timeout_is_a_timeout_error() {
    let fake = FakeServer::start(|_, _| action("in-progress", None)).await;
    let client = cloudnexus::Client::builder()
        .api_key("cnx_live_fake")
        .base_url(&fake.base_url)
        .wait_timeout(Duration::from_millis(400))
        .build()
        .unwrap();

    let err = client.actions().wait_for("act_1").await.unwrap_err();

    assert!(
        matches!(&err, Error::Timeout(m) if m.contains("act_1")),
        "{err:?}"
    );
    // 0, 100, 250, 475 ms would be the polls without a deadline; the last is moved to 400 ms.
    assert_eq!(fake.received().len(), 4);
}
