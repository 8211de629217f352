use futures::stream::BoxStream;
use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::types::{Action, Image, ImageDeleteAccepted, ImageListParams};
use crate::Client;

/// OS images and custom images: make one with `instances().snapshot`, use it as the `image` of a
/// create or a rebuild in its own region.
#[derive(Debug, Clone, Copy)]
pub struct ImagesResource<'a> {
    client: &'a Client,
}

impl<'a> ImagesResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        ImagesResource { client }
    }

    /// One page of images, OS and custom, by id.
    pub async fn list(&self, params: &ImageListParams) -> Result<Page<Image>> {
        let call = self.client.op("listImages", &[]);
        page(&self.client.transport, call, params).await
    }

    /// Every image, fetching further pages as the stream is read.
    pub fn list_all(&self, params: ImageListParams) -> BoxStream<'static, Result<Image>> {
        let call = self.client.op("listImages", &[]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// An OS image by slug (`debian-12`) or a custom image by id (`img_…`).
    pub async fn retrieve(&self, id: &str) -> Result<Image> {
        let call = self.client.op("getImage", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// Starts deleting a custom image (an OS image is a conflict, reason `public_image`).
    pub async fn delete(&self, id: &str) -> Result<ImageDeleteAccepted> {
        self.client
            .transport
            .json(self.client.op("deleteImage", &[("id", id)]))
            .await
    }

    /// [`Self::delete`], returning the completed action.
    pub async fn delete_and_wait(&self, id: &str) -> Result<Action> {
        let accepted = self.delete(id).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }
}
