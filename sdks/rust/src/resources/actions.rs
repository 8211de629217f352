use std::sync::Arc;

use futures::stream::BoxStream;
use futures::TryStreamExt;
use tokio::time::{sleep, Instant};

use crate::core::backoff::{next_poll_delay, POLL_INITIAL};
use crate::core::error::{Error, Result};
use crate::core::pagination::{every_item, page, Page};
use crate::types::{Action, ActionListParams, ActionStatus};
use crate::Client;

/// Asynchronous operations and waiting for them.
#[derive(Debug, Clone, Copy)]
pub struct ActionsResource<'a> {
    client: &'a Client,
}

impl<'a> ActionsResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        ActionsResource { client }
    }

    /// One page of actions, newest first, optionally for one resource or status.
    pub async fn list(&self, params: &ActionListParams) -> Result<Page<Action>> {
        page(
            &self.client.transport,
            self.client.op("listActions", &[]),
            params,
        )
        .await
    }

    /// Every matching action, fetching further pages as the stream is read.
    pub fn list_all(&self, params: ActionListParams) -> BoxStream<'static, Result<Action>> {
        every_item(
            Arc::clone(&self.client.transport),
            self.client.op("listActions", &[]),
            params,
        )
    }

    /// One action by id.
    pub async fn retrieve(&self, id: &str) -> Result<Action> {
        self.client
            .transport
            .json(self.client.op("getAction", &[("id", id)]))
            .await
    }

    /// Waits for the action that provisions a new resource, which its 201 answer does not name:
    /// the resource's `create` action, found by listing its actions.
    pub async fn wait_for_create(&self, resource_id: &str) -> Result<Action> {
        let params = ActionListParams {
            resource_id: Some(resource_id.to_owned()),
            ..ActionListParams::default()
        };
        let create = self
            .list_all(params)
            .try_filter(|action| futures::future::ready(action.r#type == "create"))
            .try_next()
            .await?
            .ok_or_else(|| {
                // The server records the action with the resource, so this means a broken contract.
                let missing = format!("{resource_id} lists no create action");
                Error::Decode(serde::de::Error::custom(missing))
            })?;
        self.wait_for(&create.id).await
    }

    /// Polls the action (from 100 ms, growing ×1.5 up to 2 s) until it finishes. `completed`
    /// returns it; `errored` is [`crate::Error::ActionFailed`] carrying it; still running after
    /// the client's wait timeout is [`crate::Error::Timeout`].
    pub async fn wait_for(&self, id: &str) -> Result<Action> {
        let timeout = self.client.transport.settings.wait_timeout;
        let deadline = Instant::now() + timeout;
        let mut delay = POLL_INITIAL;
        loop {
            let action = self.retrieve(id).await?;
            match action.status {
                ActionStatus::Completed => return Ok(action),
                ActionStatus::Errored => return Err(Error::ActionFailed(Box::new(action))),
                ActionStatus::InProgress => {}
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(Error::Timeout(format!(
                    "action {id} still in progress after {timeout:?}"
                )));
            }
            // The last pause ends at the deadline, so the final poll happens right at it.
            sleep(delay.min(deadline - now)).await;
            delay = next_poll_delay(delay);
        }
    }
}
