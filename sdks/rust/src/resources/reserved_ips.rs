use futures::stream::BoxStream;
use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{
    Action, AssignReservedIp, CreateReservedIp, ReservedIp, ReservedIpActionAccepted,
    ReservedIpListParams, UpdateReservedIp,
};
use crate::Client;

/// Public IPv4 addresses from the operator's pool, routed to one instance at a time. Assign and
/// unassign run asynchronously: each returns once accepted, and its `*_and_wait` twin once done.
#[derive(Debug, Clone, Copy)]
pub struct ReservedIpsResource<'a> {
    client: &'a Client,
}

impl<'a> ReservedIpsResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        ReservedIpsResource { client }
    }

    /// One page of reserved IPs, newest first.
    pub async fn list(&self, params: &ReservedIpListParams) -> Result<Page<ReservedIp>> {
        let call = self.client.op("listReservedIps", &[]);
        page(&self.client.transport, call, params).await
    }

    /// Every reserved IP, fetching further pages as the stream is read.
    pub fn list_all(&self, params: ReservedIpListParams) -> BoxStream<'static, Result<ReservedIp>> {
        let call = self.client.op("listReservedIps", &[]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// Reserves an address in a region, unassigned (422 `pool_exhausted` when none is left).
    pub async fn create(&self, body: &CreateReservedIp) -> Result<ReservedIp> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options such as an `Idempotency-Key`.
    pub async fn create_with(
        &self,
        body: &CreateReservedIp,
        options: RequestOptions,
    ) -> Result<ReservedIp> {
        let call = self.client.op("createReservedIp", &[]).body(body, options);
        self.client.transport.json(call).await
    }

    /// One reserved IP by id.
    pub async fn retrieve(&self, id: &str) -> Result<ReservedIp> {
        let call = self.client.op("getReservedIp", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// `PATCH /v2/reserved_ips/{id}`: a JSON merge-patch of the labels (a label set to `None` is
    /// removed).
    pub async fn update(&self, id: &str, body: &UpdateReservedIp) -> Result<ReservedIp> {
        let call = self.client.op("patchReservedIp", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Releases the address to the pool; a conflict (`has_dependents`) while it is assigned.
    pub async fn delete(&self, id: &str) -> Result<()> {
        self.client
            .transport
            .send(self.client.op("deleteReservedIp", &[("id", id)]))
            .await?;
        Ok(())
    }

    /// Starts routing the address to an instance in its region (an assigned address moves).
    pub async fn assign(
        &self,
        id: &str,
        body: &AssignReservedIp,
    ) -> Result<ReservedIpActionAccepted> {
        let call = self
            .client
            .op("assignReservedIp", &[("id", id)])
            .body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// [`Self::assign`], returning the completed action.
    pub async fn assign_and_wait(&self, id: &str, body: &AssignReservedIp) -> Result<Action> {
        let accepted = self.assign(id, body).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }

    /// Starts unrouting the address from its instance.
    pub async fn unassign(&self, id: &str) -> Result<ReservedIpActionAccepted> {
        self.client
            .transport
            .json(self.client.op("unassignReservedIp", &[("id", id)]))
            .await
    }

    /// [`Self::unassign`], returning the completed action.
    pub async fn unassign_and_wait(&self, id: &str) -> Result<Action> {
        let accepted = self.unassign(id).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }
}
