use futures::stream::BoxStream;
use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{
    CreateWebhook, CreatedWebhook, ListParams, UpdateWebhook, Webhook, WebhookDelivery,
    WebhookTestAccepted,
};
use crate::Client;

/// Webhook endpoints that receive signed events (verify them with [`crate::webhooks`]).
#[derive(Debug, Clone, Copy)]
pub struct WebhooksResource<'a> {
    client: &'a Client,
}

impl<'a> WebhooksResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        WebhooksResource { client }
    }

    /// One page of webhooks, newest first.
    pub async fn list(&self, params: &ListParams) -> Result<Page<Webhook>> {
        let call = self.client.op("listWebhooks", &[]);
        page(&self.client.transport, call, params).await
    }

    /// Every one of webhooks, fetching further pages as the stream is read.
    pub fn list_all(&self, params: ListParams) -> BoxStream<'static, Result<Webhook>> {
        let call = self.client.op("listWebhooks", &[]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// Creates a webhook; the answer carries its signing secret, shown this once.
    pub async fn create(&self, body: &CreateWebhook) -> Result<CreatedWebhook> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options such as an `Idempotency-Key`.
    pub async fn create_with(
        &self,
        body: &CreateWebhook,
        options: RequestOptions,
    ) -> Result<CreatedWebhook> {
        let call = self.client.op("createWebhook", &[]).body(body, options);
        self.client.transport.json(call).await
    }

    /// One webhook by id.
    pub async fn retrieve(&self, id: &str) -> Result<Webhook> {
        let call = self.client.op("getWebhook", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// Changes the webhook's URL, event types, description or enabled flag.
    pub async fn update(&self, id: &str, body: &UpdateWebhook) -> Result<Webhook> {
        let call = self.client.op("updateWebhook", &[("id", id)]);
        self.client
            .transport
            .json(call.body(body, RequestOptions::default()))
            .await
    }

    /// Deletes a webhook (the server answers 204).
    pub async fn delete(&self, id: &str) -> Result<()> {
        self.client
            .transport
            .send(self.client.op("deleteWebhook", &[("id", id)]))
            .await?;
        Ok(())
    }

    /// One page of the webhook's delivery attempts, newest first.
    pub async fn deliveries(&self, id: &str, params: &ListParams) -> Result<Page<WebhookDelivery>> {
        let call = self.client.op("listWebhookDeliveries", &[("id", id)]);
        page(&self.client.transport, call, params).await
    }

    /// Every one of the webhook's delivery attempts, fetching further pages as the stream is read.
    pub fn deliveries_all(
        &self,
        id: &str,
        params: ListParams,
    ) -> BoxStream<'static, Result<WebhookDelivery>> {
        let call = self.client.op("listWebhookDeliveries", &[("id", id)]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// Queues a `webhook.test` event for the webhook; the answer names the event.
    pub async fn test(&self, id: &str) -> Result<WebhookTestAccepted> {
        let call = self.client.op("testWebhook", &[("id", id)]);
        self.client.transport.json(call).await
    }
}
