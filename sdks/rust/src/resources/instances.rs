use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::core::transport::OpCall;
use crate::types::{
    Action, CreateInstance, Instance, InstanceActionAccepted, InstanceConsole,
    InstanceFirewallRules, InstanceListParams, InstanceMetrics, InstanceSnapshotAccepted,
    ListParams, MetricsParams, RebuildInstance, ResizeInstance, SnapshotInstance, UpdateInstance,
};
use crate::Client;
use futures::stream::BoxStream;

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
        page(
            &self.client.transport,
            self.client.op("listInstances", &[]),
            params,
        )
        .await
    }

    /// Every matching instance, fetching further pages as the stream is read.
    pub fn list_all(&self, params: InstanceListParams) -> BoxStream<'static, Result<Instance>> {
        every_item(
            Arc::clone(&self.client.transport),
            self.client.op("listInstances", &[]),
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
            .json(self.client.op("createInstance", &[]).body(body, options))
            .await
    }

    /// Creates an instance, waits for its create action, and returns it as it is then (`running`).
    /// A failed create is [`Error::ActionFailed`].
    pub async fn create_and_wait(&self, body: &CreateInstance) -> Result<Instance> {
        let created = self.create(body).await?;
        // The create answers 201 with the instance, not an action id.
        self.client.actions().wait_for_create(&created.id).await?;
        self.retrieve(&created.id).await
    }

    /// One instance by id.
    pub async fn retrieve(&self, id: &str) -> Result<Instance> {
        self.client
            .transport
            .json(self.client.op("getInstance", &[("id", id)]))
            .await
    }

    /// `PATCH /v2/instances/{id}`: a JSON merge-patch of the name, labels (a label set to `None`
    /// is removed, `Some(None)` removes them all) and protection flags.
    pub async fn update(&self, id: &str, body: &UpdateInstance) -> Result<Instance> {
        let call = self.client.op("patchInstance", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Starts deleting the instance.
    pub async fn delete(&self, id: &str) -> Result<InstanceActionAccepted> {
        self.client
            .transport
            .json(self.client.op("deleteInstance", &[("id", id)]))
            .await
    }

    /// Deletes the instance and returns the completed delete action.
    pub async fn delete_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.delete(id).await?).await
    }

    /// Starts a reboot of a `running` instance.
    pub async fn restart(&self, id: &str) -> Result<InstanceActionAccepted> {
        self.accepted(self.client.op("restartInstance", &[("id", id)]))
            .await
    }

    /// Reboots the instance and returns the completed restart action.
    pub async fn restart_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.restart(id).await?).await
    }

    /// Starts powering off a `running` instance.
    pub async fn stop(&self, id: &str) -> Result<InstanceActionAccepted> {
        self.accepted(self.client.op("stopInstance", &[("id", id)]))
            .await
    }

    /// Powers the instance off and returns the completed stop action.
    pub async fn stop_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.stop(id).await?).await
    }

    /// Starts a graceful shutdown of a `running` instance: its OS is asked to stop, then it is
    /// powered off after a timeout (`stop` pulls the plug).
    pub async fn shutdown(&self, id: &str) -> Result<InstanceActionAccepted> {
        self.accepted(self.client.op("shutdownInstance", &[("id", id)]))
            .await
    }

    /// Shuts the instance down gracefully and returns the completed shutdown action.
    pub async fn shutdown_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.shutdown(id).await?).await
    }

    /// Starts powering a `running` instance off and on again in one action (a hard reset).
    pub async fn power_cycle(&self, id: &str) -> Result<InstanceActionAccepted> {
        self.accepted(self.client.op("powerCycleInstance", &[("id", id)]))
            .await
    }

    /// Power-cycles the instance and returns the completed power_cycle action.
    pub async fn power_cycle_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.power_cycle(id).await?).await
    }

    /// Starts powering on a `stopped` instance.
    pub async fn start(&self, id: &str) -> Result<InstanceActionAccepted> {
        self.accepted(self.client.op("startInstance", &[("id", id)]))
            .await
    }

    /// Powers the instance on and returns the completed start action.
    pub async fn start_and_wait(&self, id: &str) -> Result<Action> {
        self.finish(self.start(id).await?).await
    }

    /// Starts moving the instance to another plan.
    pub async fn resize(&self, id: &str, body: &ResizeInstance) -> Result<InstanceActionAccepted> {
        let call = self.client.op("resizeInstance", &[("id", id)]);
        self.accepted(call.body(body, RequestOptions::default()))
            .await
    }

    /// Resizes the instance and returns the completed resize action.
    pub async fn resize_and_wait(&self, id: &str, body: &ResizeInstance) -> Result<Action> {
        self.finish(self.resize(id, body).await?).await
    }

    /// Starts capturing the instance's disk as a custom image (`image_id` in the answer); a
    /// running instance needs `crash_consistent: Some(true)`.
    pub async fn snapshot(
        &self,
        id: &str,
        body: &SnapshotInstance,
    ) -> Result<InstanceSnapshotAccepted> {
        let call = self.client.op("snapshotInstance", &[("id", id)]);
        self.client
            .transport
            .json(call.body(body, RequestOptions::default()))
            .await
    }

    /// Snapshots the instance and returns the completed snapshot action.
    pub async fn snapshot_and_wait(&self, id: &str, body: &SnapshotInstance) -> Result<Action> {
        let accepted = self.snapshot(id, body).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }

    /// Starts re-imaging the instance from an OS slug or a custom image id; it keeps its id,
    /// address and volumes.
    pub async fn rebuild(
        &self,
        id: &str,
        body: &RebuildInstance,
    ) -> Result<InstanceActionAccepted> {
        let call = self.client.op("rebuildInstance", &[("id", id)]);
        self.accepted(call.body(body, RequestOptions::default()))
            .await
    }

    /// Rebuilds the instance and returns the completed rebuild action.
    pub async fn rebuild_and_wait(&self, id: &str, body: &RebuildInstance) -> Result<Action> {
        self.finish(self.rebuild(id, body).await?).await
    }

    /// `GET /v2/instances/{id}/metrics`: one metric over a time range.
    pub async fn metrics(&self, id: &str, params: &MetricsParams) -> Result<InstanceMetrics> {
        let call = self.client.op("getInstanceMetrics", &[("id", id)]);
        self.client.transport.json(call.query(params)).await
    }

    /// `GET /v2/instances/{id}/console`: the tail of the instance's console output.
    pub async fn console(&self, id: &str) -> Result<InstanceConsole> {
        let call = self.client.op("getInstanceConsole", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// `GET /v2/instances/{id}/firewall_rules`: the rules of every firewall that targets it.
    pub async fn firewall_rules(&self, id: &str) -> Result<InstanceFirewallRules> {
        let call = self.client.op("getInstanceFirewallRules", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// One page of the instance's actions, newest first.
    pub async fn actions(&self, id: &str, params: &ListParams) -> Result<Page<Action>> {
        let call = self.client.op("listInstanceActions", &[("id", id)]);
        page(&self.client.transport, call, params).await
    }

    /// Every action of the instance, fetching further pages as the stream is read.
    pub fn actions_all(&self, id: &str, params: ListParams) -> BoxStream<'static, Result<Action>> {
        let call = self.client.op("listInstanceActions", &[("id", id)]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// Sends an operation the server answers with the action it started.
    async fn accepted(&self, call: OpCall) -> Result<InstanceActionAccepted> {
        self.client.transport.json(call).await
    }

    /// Waits for the action an accepted operation started.
    async fn finish(&self, accepted: InstanceActionAccepted) -> Result<Action> {
        self.client.actions().wait_for(&accepted.action_id).await
    }
}
