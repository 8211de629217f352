use futures::stream::BoxStream;
use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{CreateVpc, PatchVpc, UpdateVpc, Vpc, VpcListParams};
use crate::Client;

/// Virtual private clouds: the address space networks are carved from.
#[derive(Debug, Clone, Copy)]
pub struct VpcsResource<'a> {
    client: &'a Client,
}

impl<'a> VpcsResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        VpcsResource { client }
    }

    /// One page of VPCs, newest first.
    pub async fn list(&self, params: &VpcListParams) -> Result<Page<Vpc>> {
        let call = self.client.op("listVpcs", &[]);
        page(&self.client.transport, call, params).await
    }

    /// Every one of VPCs, fetching further pages as the stream is read.
    pub fn list_all(&self, params: VpcListParams) -> BoxStream<'static, Result<Vpc>> {
        let call = self.client.op("listVpcs", &[]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// Creates a VPC.
    pub async fn create(&self, body: &CreateVpc) -> Result<Vpc> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options such as an `Idempotency-Key`.
    pub async fn create_with(&self, body: &CreateVpc, options: RequestOptions) -> Result<Vpc> {
        let call = self.client.op("createVpc", &[]).body(body, options);
        self.client.transport.json(call).await
    }

    /// One VPC by id.
    pub async fn retrieve(&self, id: &str) -> Result<Vpc> {
        let call = self.client.op("getVpc", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// `PATCH /v2/vpcs/{id}`: a JSON merge-patch of the name and labels (a label set to `None`
    /// is removed, `Some(None)` removes them all), where [`Self::update`] replaces the labels.
    pub async fn patch(&self, id: &str, body: &PatchVpc) -> Result<Vpc> {
        let call = self.client.op("patchVpc", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Changes the VPC's name, description or labels.
    pub async fn update(&self, id: &str, body: &UpdateVpc) -> Result<Vpc> {
        let call = self.client.op("updateVpc", &[("id", id)]);
        self.client
            .transport
            .json(call.body(body, RequestOptions::default()))
            .await
    }

    /// Deletes an empty VPC; one that still holds networks is a conflict (the server answers 204).
    pub async fn delete(&self, id: &str) -> Result<()> {
        self.client
            .transport
            .send(self.client.op("deleteVpc", &[("id", id)]))
            .await?;
        Ok(())
    }
}
