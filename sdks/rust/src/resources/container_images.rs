use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{ContainerImage, ContainerImageListParams};
use crate::Client;
use futures::stream::BoxStream;

/// Container images: `docker save` archives or OCI image layouts, uploaded once per region.
#[derive(Debug, Clone, Copy)]
pub struct ContainerImagesResource<'a> {
    client: &'a Client,
}

impl<'a> ContainerImagesResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        ContainerImagesResource { client }
    }

    /// One page of images, newest first.
    pub async fn list(&self, params: &ContainerImageListParams) -> Result<Page<ContainerImage>> {
        page(
            &self.client.transport,
            self.client.op("listContainerImages", &[]),
            params,
        )
        .await
    }

    /// Every image, fetching further pages as the stream is read.
    pub fn list_all(
        &self,
        params: ContainerImageListParams,
    ) -> BoxStream<'static, Result<ContainerImage>> {
        every_item(
            Arc::clone(&self.client.transport),
            self.client.op("listContainerImages", &[]),
            params,
        )
    }

    /// `POST /v2/container_images`: uploads an image archive (at most 1 GiB, e.g. the bytes of
    /// `docker save` output). The server checks every layer's digest and path: an entry escaping
    /// the rootfs is an [`crate::Error::UnprocessableEntity`] with reason `unsafe_layer_entry`.
    pub async fn upload(
        &self,
        name: &str,
        region: &str,
        archive: Vec<u8>,
    ) -> Result<ContainerImage> {
        self.upload_with(name, region, archive, RequestOptions::default())
            .await
    }

    /// [`Self::upload`] with per-call options such as an `Idempotency-Key`.
    pub async fn upload_with(
        &self,
        name: &str,
        region: &str,
        archive: Vec<u8>,
        options: RequestOptions,
    ) -> Result<ContainerImage> {
        let query = [("name", name), ("region", region)];
        let call =
            self.client
                .op("uploadContainerImage", &[])
                .raw(archive, "application/x-tar", options);
        self.client.transport.json(call.query(&query)).await
    }

    /// One image by id.
    pub async fn retrieve(&self, id: &str) -> Result<ContainerImage> {
        let call = self.client.op("getContainerImage", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// Deletes the image and its files (204); one a container runs is a [`crate::Error::Conflict`].
    pub async fn delete(&self, id: &str) -> Result<()> {
        let call = self.client.op("deleteContainerImage", &[("id", id)]);
        self.client.transport.send(call).await.map(|_| ())
    }
}
