use std::sync::Arc;

use futures::stream::{BoxStream, TryStreamExt};
use reqwest::Method;

use super::item_path;
use crate::core::error::{Error, Result};
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::core::transport::Call;
use crate::types::{
    Action, CreateInstance, Instance, InstanceActionAccepted, InstanceListParams, InstanceMetrics,
    ListParams, MetricsParams, ResizeInstance,
};
use crate::Client;

/// Virtual machines. Changes run asynchronously: each operation returns as soon as the server
/// accepted it, and its `*_and_wait` twin returns once the work is done.
#[derive(Debug, Clone, Copy)]
pub struct InstancesResource<'a> {
    client: &'a Client,
}

impl<'a> InstancesResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        InstancesResource { client }
    }

    /// One page of instances, newest first, filtered by region, status, name or labels.
    pub async fn list(&self, params: &InstanceListParams) -> Result<Page<Instance>> {
        page(&self.client.transport, "instances", params).await
    }

    /// Every matching instance, fetching further pages as the stream is read.
    pub fn list_all(&self, params: InstanceListParams) -> BoxStream<'static, Result<Instance>> {
        every_item(
            Arc::clone(&self.client.transport),
            "instances".into(),
            params,
        )
    }

    /// `POST /v2/instances`: the new instance, still `provisioning`.
    pub async fn create(&self, body: &CreateInstance) -> Result<Instance> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options such as an `Idempotency-Key`.
    pub async fn create_with(
        &self,
        body: &CreateInstance,
        options: RequestOptions,
    ) -> Result<Instance> {
        self.client
            .transport
            .json(Call::with_body(Method::POST, "instances", body, options))
            .await
    }

    /// Creates an instance, waits for its create action, and returns it as it is then (`running`).
    /// A failed create is [`Error::ActionFailed`].
    pub async fn create_and_wait(&self, body: &CreateInstance) -> Result<Instance> {
        let created = self.create(body).await?;
        // The create answers 201 with the instance, not an action id: find the action by type.
        let create_action = self
            .actions_all(&created.id, ListParams::default())
            .try_filter(|action| futures::future::ready(action.r#type == "create"))
            .try_next()
            .await?
            .ok_or_else(|| {
                // The server records the action with the instance, so this means a broken contract.
                let missing = format!("instance {} lists no create action", created.id);
                Error::Decode(serde::de::Error::custom(missing))
            })?;
        self.client.actions().wait_for(&create_action.id).await?;
        self.retrieve(&created.id).await
    }

    /// One instance by id.
    pub async fn retrieve(&self, id: &str) -> Result<Instance> {
        self.client
            .transport
            .json(Call::bare(Method::GET, &item_path("instances", id)))
            .await
    }

    /// Starts deleting the instance.
    pub async fn delete(&self, id: &str) -> Result<InstanceActionAccepted> {
        let path = item_path("instances", id);
        self.client
            .transport
            .json(Call::bare(Method::DELETE, &path))
            .await
    }

    /// Deletes the instance and returns the completed delete action.
    pub async fn delete_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.delete(id).await?).await
    }

    /// Starts a reboot of a `running` instance.
    pub async fn restart(&self, id: &str) -> Result<InstanceActionAccepted> {
        self.transition(id, "restart").await
    }

    /// Reboots the instance and returns the completed restart action.
    pub async fn restart_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.restart(id).await?).await
    }

    /// Starts powering off a `running` instance.
    pub async fn stop(&self, id: &str) -> Result<InstanceActionAccepted> {
        self.transition(id, "stop").await
    }

    /// Powers the instance off and returns the completed stop action.
    pub async fn stop_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.stop(id).await?).await
    }

    /// Starts powering on a `stopped` instance.
    pub async fn start(&self, id: &str) -> Result<InstanceActionAccepted> {
        self.transition(id, "start").await
    }

    /// Powers the instance on and returns the completed start action.
    pub async fn start_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.start(id).await?).await
    }

    /// Starts moving the instance to another plan.
    pub async fn resize(&self, id: &str, body: &ResizeInstance) -> Result<InstanceActionAccepted> {
        let path = format!("{}/resize", item_path("instances", id));
        let call = Call::with_body(Method::PUT, &path, body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Resizes the instance and returns the completed resize action.
    pub async fn resize_and_wait(&self, id: &str, body: &ResizeInstance) -> Result<Action> {
        self.finish(self.resize(id, body).await?).await
    }

    /// `GET /v2/instances/{id}/metrics`: one metric over a time range.
    pub async fn metrics(&self, id: &str, params: &MetricsParams) -> Result<InstanceMetrics> {
        let path = format!("{}/metrics", item_path("instances", id));
        self.client.transport.json(Call::get(&path, params)).await
    }

    /// One page of the instance's actions, newest first.
    pub async fn actions(&self, id: &str, params: &ListParams) -> Result<Page<Action>> {
        page(
            &self.client.transport,
            &format!("{}/actions", item_path("instances", id)),
            params,
        )
        .await
    }

    /// Every action of the instance, fetching further pages as the stream is read.
    pub fn actions_all(&self, id: &str, params: ListParams) -> BoxStream<'static, Result<Action>> {
        let path = format!("{}/actions", item_path("instances", id));
        every_item(Arc::clone(&self.client.transport), path, params)
    }

    /// `PUT /v2/instances/{id}/{operation}` without a body.
    async fn transition(&self, id: &str, operation: &str) -> Result<InstanceActionAccepted> {
        let path = format!("{}/{operation}", item_path("instances", id));
        self.client
            .transport
            .json(Call::bare(Method::PUT, &path))
            .await
    }

    /// Waits for the action an accepted operation started.
    async fn finish(&self, accepted: InstanceActionAccepted) -> Result<Action> {
        self.client.actions().wait_for(&accepted.action_id).await
    }
}
