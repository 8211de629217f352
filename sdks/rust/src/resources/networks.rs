use futures::stream::BoxStream;
use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{CreateNetwork, Network, NetworkListParams, PatchNetwork};
use crate::Client;

/// Private networks inside a VPC, where instances, databases and load balancers live.
#[derive(Debug, Clone, Copy)]
pub struct NetworksResource<'a> {
    client: &'a Client,
}

impl<'a> NetworksResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        NetworksResource { client }
    }

    /// One page of networks, newest first.
    pub async fn list(&self, params: &NetworkListParams) -> Result<Page<Network>> {
        let call = self.client.op("listNetworks", &[]);
        page(&self.client.transport, call, params).await
    }

    /// Every one of networks, fetching further pages as the stream is read.
    pub fn list_all(&self, params: NetworkListParams) -> BoxStream<'static, Result<Network>> {
        let call = self.client.op("listNetworks", &[]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// Creates a network.
    pub async fn create(&self, body: &CreateNetwork) -> Result<Network> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options such as an `Idempotency-Key`.
    pub async fn create_with(
        &self,
        body: &CreateNetwork,
        options: RequestOptions,
    ) -> Result<Network> {
        let call = self.client.op("createNetwork", &[]).body(body, options);
        self.client.transport.json(call).await
    }

    /// One network by id.
    pub async fn retrieve(&self, id: &str) -> Result<Network> {
        let call = self.client.op("getNetwork", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// `PATCH /v2/networks/{id}`: a JSON merge-patch of the name and labels (a label set to
    /// `None` is removed, `Some(None)` removes them all).
    pub async fn update(&self, id: &str, body: &PatchNetwork) -> Result<Network> {
        let call = self.client.op("patchNetwork", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Deletes an unused network (the server answers 204).
    pub async fn delete(&self, id: &str) -> Result<()> {
        self.client
            .transport
            .send(self.client.op("deleteNetwork", &[("id", id)]))
            .await?;
        Ok(())
    }
}
