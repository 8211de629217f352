use std::sync::Arc;

use futures::stream::BoxStream;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{ApiKey, CreateApiKey, CreatedApiKey, ListParams, PatchApiKey, RotateApiKey};
use crate::Client;

/// The account's API keys.
#[derive(Debug, Clone, Copy)]
pub struct ApiKeysResource<'a> {
    client: &'a Client,
}

impl<'a> ApiKeysResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        ApiKeysResource { client }
    }

    /// One page of keys, newest first.
    pub async fn list(&self, params: &ListParams) -> Result<Page<ApiKey>> {
        page(
            &self.client.transport,
            self.client.op("listApiKeys", &[]),
            params,
        )
        .await
    }

    /// Every key, fetching further pages as the stream is read.
    pub fn list_all(&self, params: ListParams) -> BoxStream<'static, Result<ApiKey>> {
        every_item(
            Arc::clone(&self.client.transport),
            self.client.op("listApiKeys", &[]),
            params,
        )
    }

    /// `POST /v2/api_keys`: the new key and its secret, shown this once.
    pub async fn create(&self, body: &CreateApiKey) -> Result<CreatedApiKey> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options; a replayed `Idempotency-Key` gives `secret: None`.
    pub async fn create_with(
        &self,
        body: &CreateApiKey,
        options: RequestOptions,
    ) -> Result<CreatedApiKey> {
        self.client
            .transport
            .json(self.client.op("createApiKey", &[]).body(body, options))
            .await
    }

    /// One key by id.
    pub async fn retrieve(&self, id: &str) -> Result<ApiKey> {
        self.client
            .transport
            .json(self.client.op("getApiKey", &[("id", id)]))
            .await
    }

    /// `PATCH /v2/api_keys/{id}`: renames the key (trimmed); its secret, scopes and regions stay.
    pub async fn update(&self, id: &str, body: &PatchApiKey) -> Result<ApiKey> {
        let call = self.client.op("patchApiKey", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// `POST /v2/api_keys/{id}/rotate`: a new key with the same settings and its secret, shown
    /// this once; the old key keeps working for the grace period, then gets 401.
    pub async fn rotate(&self, id: &str, body: &RotateApiKey) -> Result<CreatedApiKey> {
        self.rotate_with(id, body, RequestOptions::default()).await
    }

    /// [`Self::rotate`] with per-call options; a replayed `Idempotency-Key` gives `secret: None`.
    pub async fn rotate_with(
        &self,
        id: &str,
        body: &RotateApiKey,
        options: RequestOptions,
    ) -> Result<CreatedApiKey> {
        let call = self
            .client
            .op("rotateApiKey", &[("id", id)])
            .body(body, options);
        self.client.transport.json(call).await
    }

    /// Revokes a key at once (`DELETE /v2/api_keys/{id}`) and returns it, now `revoked`.
    pub async fn revoke(&self, id: &str) -> Result<ApiKey> {
        self.client
            .transport
            .json(self.client.op("revokeApiKey", &[("id", id)]))
            .await
    }
}
