use futures::stream::BoxStream;
use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{
    Action, AttachVolume, CreateSnapshot, CreateVolume, ResizeVolume, Snapshot, UpdateVolume,
    Volume, VolumeActionAccepted, VolumeListParams,
};
use crate::Client;

/// Block storage volumes. Attach, detach, resize and delete run asynchronously: each returns as
/// soon as the server accepted it, and its `*_and_wait` twin once the work is done.
#[derive(Debug, Clone, Copy)]
pub struct VolumesResource<'a> {
    client: &'a Client,
}

impl<'a> VolumesResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        VolumesResource { client }
    }

    /// One page of volumes, newest first.
    pub async fn list(&self, params: &VolumeListParams) -> Result<Page<Volume>> {
        let call = self.client.op("listVolumes", &[]);
        page(&self.client.transport, call, params).await
    }

    /// Every one of volumes, fetching further pages as the stream is read.
    pub fn list_all(&self, params: VolumeListParams) -> BoxStream<'static, Result<Volume>> {
        let call = self.client.op("listVolumes", &[]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// Creates a volume, empty or restored from a snapshot with `snapshot_id`.
    pub async fn create(&self, body: &CreateVolume) -> Result<Volume> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options such as an `Idempotency-Key`.
    pub async fn create_with(
        &self,
        body: &CreateVolume,
        options: RequestOptions,
    ) -> Result<Volume> {
        let call = self.client.op("createVolume", &[]).body(body, options);
        self.client.transport.json(call).await
    }

    /// Creates the volume and returns it once its create action completed (`available`).
    pub async fn create_and_wait(&self, body: &CreateVolume) -> Result<Volume> {
        let created = self.create(body).await?;
        self.client.actions().wait_for_create(&created.id).await?;
        self.retrieve(&created.id).await
    }

    /// One volume by id.
    pub async fn retrieve(&self, id: &str) -> Result<Volume> {
        let call = self.client.op("getVolume", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// `PATCH /v2/volumes/{id}`: a JSON merge-patch of the name, labels (a label set to `None`
    /// is removed, `Some(None)` removes them all) and protection flags.
    pub async fn update(&self, id: &str, body: &UpdateVolume) -> Result<Volume> {
        let call = self.client.op("patchVolume", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Starts attaching the volume to an instance in its region.
    pub async fn attach(&self, id: &str, body: &AttachVolume) -> Result<VolumeActionAccepted> {
        self.client
            .transport
            .json(
                self.client
                    .op("attachVolume", &[("id", id)])
                    .body(body, RequestOptions::default()),
            )
            .await
    }

    /// [`Self::attach`], returning the completed action.
    pub async fn attach_and_wait(&self, id: &str, body: &AttachVolume) -> Result<Action> {
        let accepted = self.attach(id, body).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }

    /// Starts detaching the volume from its instance.
    pub async fn detach(&self, id: &str) -> Result<VolumeActionAccepted> {
        self.client
            .transport
            .json(self.client.op("detachVolume", &[("id", id)]))
            .await
    }

    /// [`Self::detach`], returning the completed action.
    pub async fn detach_and_wait(&self, id: &str) -> Result<Action> {
        let accepted = self.detach(id).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }

    /// Starts growing the volume (volumes never shrink).
    pub async fn resize(&self, id: &str, body: &ResizeVolume) -> Result<VolumeActionAccepted> {
        self.client
            .transport
            .json(
                self.client
                    .op("resizeVolume", &[("id", id)])
                    .body(body, RequestOptions::default()),
            )
            .await
    }

    /// [`Self::resize`], returning the completed action.
    pub async fn resize_and_wait(&self, id: &str, body: &ResizeVolume) -> Result<Action> {
        let accepted = self.resize(id, body).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }

    /// Starts deleting a detached volume.
    pub async fn delete(&self, id: &str) -> Result<VolumeActionAccepted> {
        self.client
            .transport
            .json(self.client.op("deleteVolume", &[("id", id)]))
            .await
    }

    /// [`Self::delete`], returning the completed action.
    pub async fn delete_and_wait(&self, id: &str) -> Result<Action> {
        let accepted = self.delete(id).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }

    /// `POST /v2/volumes/{id}/snapshots`: a point-in-time copy of the volume.
    pub async fn snapshot(&self, id: &str, body: &CreateSnapshot) -> Result<Snapshot> {
        self.snapshot_with(id, body, RequestOptions::default())
            .await
    }

    /// [`Self::snapshot`] with per-call options such as an `Idempotency-Key`.
    pub async fn snapshot_with(
        &self,
        id: &str,
        body: &CreateSnapshot,
        options: RequestOptions,
    ) -> Result<Snapshot> {
        let call = self
            .client
            .op("createSnapshot", &[("id", id)])
            .body(body, options);
        self.client.transport.json(call).await
    }

    /// Takes a snapshot and returns it once its create action completed (`available`).
    pub async fn snapshot_and_wait(&self, id: &str, body: &CreateSnapshot) -> Result<Snapshot> {
        let created = self.snapshot(id, body).await?;
        self.client.actions().wait_for_create(&created.id).await?;
        self.client.snapshots().retrieve(&created.id).await
    }
}
