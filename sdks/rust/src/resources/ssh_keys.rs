use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{CreateSshKey, ListParams, PatchSshKey, SshKey};
use crate::Client;
use futures::stream::BoxStream;

/// SSH public keys to install on new instances.
#[derive(Debug, Clone, Copy)]
pub struct SshKeysResource<'a> {
    client: &'a Client,
}

impl<'a> SshKeysResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        SshKeysResource { client }
    }

    /// One page of keys, newest first.
    pub async fn list(&self, params: &ListParams) -> Result<Page<SshKey>> {
        page(
            &self.client.transport,
            self.client.op("listSshKeys", &[]),
            params,
        )
        .await
    }

    /// Every key, fetching further pages as the stream is read.
    pub fn list_all(&self, params: ListParams) -> BoxStream<'static, Result<SshKey>> {
        every_item(
            Arc::clone(&self.client.transport),
            self.client.op("listSshKeys", &[]),
            params,
        )
    }

    /// `POST /v2/ssh_keys`; the same public key twice is a [`crate::Error::Conflict`].
    pub async fn create(&self, body: &CreateSshKey) -> Result<SshKey> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options such as an `Idempotency-Key`.
    pub async fn create_with(
        &self,
        body: &CreateSshKey,
        options: RequestOptions,
    ) -> Result<SshKey> {
        let call = self.client.op("createSshKey", &[]).body(body, options);
        self.client.transport.json(call).await
    }

    /// One key by id.
    pub async fn retrieve(&self, id: &str) -> Result<SshKey> {
        let call = self.client.op("getSshKey", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// `PATCH /v2/ssh_keys/{id}`: renames the key (trimmed); the key itself cannot change.
    pub async fn update(&self, id: &str, body: &PatchSshKey) -> Result<SshKey> {
        let call = self.client.op("patchSshKey", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Deletes a key (the server answers 204).
    pub async fn delete(&self, id: &str) -> Result<()> {
        let call = self.client.op("deleteSshKey", &[("id", id)]);
        self.client.transport.send(call).await?;
        Ok(())
    }
}
