use std::marker::PhantomData;
use std::sync::Arc;

use futures::stream::BoxStream;
use serde::de::DeserializeOwned;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::transport::OpCall;
use crate::types::ListParams;
use crate::Client;

/// A read-only catalog: regions, plans, images or database engines. They share their shape, so
/// one type serves all, told apart by `T` and the two operations [`crate::Client`] hands it.
#[derive(Debug, Clone, Copy)]
pub struct CatalogResource<'a, T> {
    client: &'a Client,
    list_op: fn(&Client) -> OpCall,
    get_op: fn(&Client, &str) -> OpCall,
    item: PhantomData<fn() -> T>,
}

impl<'a, T: DeserializeOwned + Send + 'static> CatalogResource<'a, T> {
    pub(crate) fn new(
        client: &'a Client,
        list_op: fn(&Client) -> OpCall,
        get_op: fn(&Client, &str) -> OpCall,
    ) -> Self {
        CatalogResource {
            client,
            list_op,
            get_op,
            item: PhantomData,
        }
    }

    /// One page of the catalog.
    pub async fn list(&self, params: &ListParams) -> Result<Page<T>> {
        page(&self.client.transport, (self.list_op)(self.client), params).await
    }

    /// Every entry, fetching further pages as the stream is read.
    pub fn list_all(&self, params: ListParams) -> BoxStream<'static, Result<T>> {
        let list = (self.list_op)(self.client);
        every_item(Arc::clone(&self.client.transport), list, params)
    }

    /// One entry by id, e.g. `us-east-1`, `standard-4` or `debian-12`.
    pub async fn retrieve(&self, id: &str) -> Result<T> {
        let call = (self.get_op)(self.client, id);
        self.client.transport.json(call).await
    }
}
