use futures::stream::BoxStream;
use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{Action, PatchSnapshot, Snapshot, SnapshotDeleteAccepted, SnapshotListParams};
use crate::Client;

/// Volume snapshots: take one with `volumes().snapshot`, restore one into a new volume with
/// [`SnapshotsResource::restore`].
#[derive(Debug, Clone, Copy)]
pub struct SnapshotsResource<'a> {
    client: &'a Client,
}

impl<'a> SnapshotsResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        SnapshotsResource { client }
    }

    /// One page of snapshots, newest first.
    pub async fn list(&self, params: &SnapshotListParams) -> Result<Page<Snapshot>> {
        let call = self.client.op("listSnapshots", &[]);
        page(&self.client.transport, call, params).await
    }

    /// Every one of snapshots, fetching further pages as the stream is read.
    pub fn list_all(&self, params: SnapshotListParams) -> BoxStream<'static, Result<Snapshot>> {
        let call = self.client.op("listSnapshots", &[]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// One snapshot by id.
    pub async fn retrieve(&self, id: &str) -> Result<Snapshot> {
        let call = self.client.op("getSnapshot", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// `PATCH /v2/snapshots/{id}`: renames the snapshot (names may repeat).
    pub async fn update(&self, id: &str, body: &PatchSnapshot) -> Result<Snapshot> {
        let call = self.client.op("patchSnapshot", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Starts deleting the snapshot.
    pub async fn delete(&self, id: &str) -> Result<SnapshotDeleteAccepted> {
        self.client
            .transport
            .json(self.client.op("deleteSnapshot", &[("id", id)]))
            .await
    }

    /// [`Self::delete`], returning the completed action.
    pub async fn delete_and_wait(&self, id: &str) -> Result<Action> {
        let accepted = self.delete(id).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }
}
