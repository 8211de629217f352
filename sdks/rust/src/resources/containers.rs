use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::core::transport::OpCall;
use crate::types::{
    Action, Container, ContainerActionAccepted, ContainerListParams, ContainerLogs,
    ContainerLogsParams, ContainerMetrics, CreateContainer, MetricType, MetricsParams,
    UpdateContainer,
};
use crate::Client;
use futures::stream::BoxStream;

/// Containers run from container images. Each operation returns as soon as the server accepted
/// it, and its `*_and_wait` twin returns once the work is done.
#[derive(Debug, Clone, Copy)]
pub struct ContainersResource<'a> {
    client: &'a Client,
}

impl<'a> ContainersResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        ContainersResource { client }
    }

    /// One page of containers, newest first, filtered by region, status or labels.
    pub async fn list(&self, params: &ContainerListParams) -> Result<Page<Container>> {
        page(
            &self.client.transport,
            self.client.op("listContainers", &[]),
            params,
        )
        .await
    }

    /// Every matching container, fetching further pages as the stream is read.
    pub fn list_all(&self, params: ContainerListParams) -> BoxStream<'static, Result<Container>> {
        every_item(
            Arc::clone(&self.client.transport),
            self.client.op("listContainers", &[]),
            params,
        )
    }

    /// `POST /v2/containers`: the new container, still `provisioning`, with its private address.
    pub async fn create(&self, body: &CreateContainer) -> Result<Container> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options such as an `Idempotency-Key`.
    pub async fn create_with(
        &self,
        body: &CreateContainer,
        options: RequestOptions,
    ) -> Result<Container> {
        self.client
            .transport
            .json(self.client.op("createContainer", &[]).body(body, options))
            .await
    }

    /// Creates a container, waits for its create action, and returns it as it is then (`running`).
    pub async fn create_and_wait(&self, body: &CreateContainer) -> Result<Container> {
        let created = self.create(body).await?;
        self.client.actions().wait_for_create(&created.id).await?;
        self.retrieve(&created.id).await
    }

    /// One container by id.
    pub async fn retrieve(&self, id: &str) -> Result<Container> {
        self.client
            .transport
            .json(self.client.op("getContainer", &[("id", id)]))
            .await
    }

    /// `PATCH /v2/containers/{id}`: a merge-patch of its name and labels.
    pub async fn update(&self, id: &str, body: &UpdateContainer) -> Result<Container> {
        let call = self
            .client
            .op("patchContainer", &[("id", id)])
            .body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Starts deleting the container; it is gone (404) once the action completed.
    pub async fn delete(&self, id: &str) -> Result<ContainerActionAccepted> {
        self.accepted(self.client.op("deleteContainer", &[("id", id)]))
            .await
    }

    /// Deletes the container and returns the completed action.
    pub async fn delete_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.delete(id).await?).await
    }

    /// Starts restarting a running container (`restarting`, then `running`).
    pub async fn restart(&self, id: &str) -> Result<ContainerActionAccepted> {
        self.accepted(self.client.op("restartContainer", &[("id", id)]))
            .await
    }

    /// Restarts the container and returns the completed action.
    pub async fn restart_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.restart(id).await?).await
    }

    /// Starts stopping a running container (SIGTERM, then SIGKILL after a grace period).
    pub async fn stop(&self, id: &str) -> Result<ContainerActionAccepted> {
        self.accepted(self.client.op("stopContainer", &[("id", id)]))
            .await
    }

    /// Stops the container and returns the completed action.
    pub async fn stop_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.stop(id).await?).await
    }

    /// Starts a stopped container again.
    pub async fn start(&self, id: &str) -> Result<ContainerActionAccepted> {
        self.accepted(self.client.op("startContainer", &[("id", id)]))
            .await
    }

    /// Starts the container and returns the completed action.
    pub async fn start_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.start(id).await?).await
    }

    /// `GET /v2/containers/{id}/logs`: the last lines of its stdout and stderr.
    pub async fn logs(&self, id: &str, params: &ContainerLogsParams) -> Result<ContainerLogs> {
        let call = self.client.op("getContainerLogs", &[("id", id)]);
        self.client.transport.json(call.query(params)).await
    }

    /// `GET /v2/containers/{id}/metrics`: one metric over a time range.
    pub async fn metrics(
        &self,
        id: &str,
        params: &MetricsParams<MetricType>,
    ) -> Result<ContainerMetrics> {
        let call = self.client.op("getContainerMetrics", &[("id", id)]);
        self.client.transport.json(call.query(params)).await
    }

    async fn accepted(&self, call: OpCall) -> Result<ContainerActionAccepted> {
        self.client.transport.json(call).await
    }

    async fn finish(&self, accepted: ContainerActionAccepted) -> Result<Action> {
        self.client.actions().wait_for(&accepted.action_id).await
    }
}
