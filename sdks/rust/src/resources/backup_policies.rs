use futures::stream::BoxStream;
use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{
    BackupPolicy, CreateBackupPolicy, ListParams, PatchBackupPolicy, UpdateBackupPolicy,
};
use crate::Client;

/// Backup policies: snapshot schedules and retention for volumes.
#[derive(Debug, Clone, Copy)]
pub struct BackupPoliciesResource<'a> {
    client: &'a Client,
}

impl<'a> BackupPoliciesResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        BackupPoliciesResource { client }
    }

    /// One page of backup policies, newest first.
    pub async fn list(&self, params: &ListParams) -> Result<Page<BackupPolicy>> {
        let call = self.client.op("listBackupPolicies", &[]);
        page(&self.client.transport, call, params).await
    }

    /// Every one of backup policies, fetching further pages as the stream is read.
    pub fn list_all(&self, params: ListParams) -> BoxStream<'static, Result<BackupPolicy>> {
        let call = self.client.op("listBackupPolicies", &[]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// Creates a backup policy.
    pub async fn create(&self, body: &CreateBackupPolicy) -> Result<BackupPolicy> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options such as an `Idempotency-Key`.
    pub async fn create_with(
        &self,
        body: &CreateBackupPolicy,
        options: RequestOptions,
    ) -> Result<BackupPolicy> {
        let call = self
            .client
            .op("createBackupPolicy", &[])
            .body(body, options);
        self.client.transport.json(call).await
    }

    /// One backup policy by id.
    pub async fn retrieve(&self, id: &str) -> Result<BackupPolicy> {
        let call = self.client.op("getBackupPolicy", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// `PATCH /v2/backup_policies/{id}`: renames the policy, where [`Self::update`] changes
    /// its schedule and targets.
    pub async fn patch(&self, id: &str, body: &PatchBackupPolicy) -> Result<BackupPolicy> {
        let call = self.client.op("patchBackupPolicy", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Changes the policy's name, schedule, retention or target volumes.
    pub async fn update(&self, id: &str, body: &UpdateBackupPolicy) -> Result<BackupPolicy> {
        let call = self.client.op("updateBackupPolicy", &[("id", id)]);
        self.client
            .transport
            .json(call.body(body, RequestOptions::default()))
            .await
    }

    /// Deletes a backup policy (the server answers 204).
    pub async fn delete(&self, id: &str) -> Result<()> {
        self.client
            .transport
            .send(self.client.op("deleteBackupPolicy", &[("id", id)]))
            .await?;
        Ok(())
    }
}
