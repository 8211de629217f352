use std::marker::PhantomData;
use std::sync::Arc;

use futures::stream::BoxStream;
use reqwest::Method;
use serde::de::DeserializeOwned;

use super::item_path;
use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::transport::Call;
use crate::types::ListParams;
use crate::Client;

/// A read-only catalog: regions, plans or images. They share their shape, so one type serves all
/// three, told apart by `T` and the path.
#[derive(Debug, Clone, Copy)]
pub struct CatalogResource<'a, T> {
    client: &'a Client,
    path: &'static str,
    item: PhantomData<fn() -> T>,
}

impl<'a, T: DeserializeOwned + Send + 'static> CatalogResource<'a, T> {
    pub(crate) fn new(client: &'a Client, path: &'static str) -> Self {
        CatalogResource {
            client,
            path,
            item: PhantomData,
        }
    }

    /// One page of the catalog.
    pub async fn list(&self, params: &ListParams) -> Result<Page<T>> {
        page(&self.client.transport, self.path, params).await
    }

    /// Every entry, fetching further pages as the stream is read.
    pub fn list_all(&self, params: ListParams) -> BoxStream<'static, Result<T>> {
        every_item(
            Arc::clone(&self.client.transport),
            self.path.to_owned(),
            params,
        )
    }

    /// One entry by id, e.g. `us-east-1`, `standard-4` or `debian-12`.
    pub async fn retrieve(&self, id: &str) -> Result<T> {
        self.client
            .transport
            .json(Call::bare(Method::GET, &item_path(self.path, id)))
            .await
    }
}
