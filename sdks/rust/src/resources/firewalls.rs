use futures::stream::BoxStream;
use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{CreateFirewall, Firewall, FirewallListParams, PatchFirewall, UpdateFirewall};
use crate::Client;

/// Firewalls: inbound and outbound rules applied to instances by id or label.
#[derive(Debug, Clone, Copy)]
pub struct FirewallsResource<'a> {
    client: &'a Client,
}

impl<'a> FirewallsResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        FirewallsResource { client }
    }

    /// One page of firewalls, newest first.
    pub async fn list(&self, params: &FirewallListParams) -> Result<Page<Firewall>> {
        let call = self.client.op("listFirewalls", &[]);
        page(&self.client.transport, call, params).await
    }

    /// Every one of firewalls, fetching further pages as the stream is read.
    pub fn list_all(&self, params: FirewallListParams) -> BoxStream<'static, Result<Firewall>> {
        let call = self.client.op("listFirewalls", &[]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// Creates a firewall.
    pub async fn create(&self, body: &CreateFirewall) -> Result<Firewall> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options such as an `Idempotency-Key`.
    pub async fn create_with(
        &self,
        body: &CreateFirewall,
        options: RequestOptions,
    ) -> Result<Firewall> {
        let call = self.client.op("createFirewall", &[]).body(body, options);
        self.client.transport.json(call).await
    }

    /// One firewall by id.
    pub async fn retrieve(&self, id: &str) -> Result<Firewall> {
        let call = self.client.op("getFirewall", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// `PATCH /v2/firewalls/{id}`: a JSON merge-patch of the name and labels (a label set to
    /// `None` is removed, `Some(None)` removes them all); the rules stay.
    pub async fn update(&self, id: &str, body: &PatchFirewall) -> Result<Firewall> {
        let call = self.client.op("patchFirewall", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Replaces the firewall's name, rules and targets as a whole.
    pub async fn replace(&self, id: &str, body: &UpdateFirewall) -> Result<Firewall> {
        let call = self.client.op("replaceFirewall", &[("id", id)]);
        self.client
            .transport
            .json(call.body(body, RequestOptions::default()))
            .await
    }

    /// Deletes a firewall (the server answers 204).
    pub async fn delete(&self, id: &str) -> Result<()> {
        self.client
            .transport
            .send(self.client.op("deleteFirewall", &[("id", id)]))
            .await?;
        Ok(())
    }
}
