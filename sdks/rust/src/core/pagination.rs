//! One page of a list, and a stream that walks every page by following `next_cursor`.

use std::sync::Arc;

use futures::stream::{self, BoxStream, StreamExt, TryStreamExt};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::error::Result;
use super::transport::{Call, OpCall, Transport};
use crate::types::{
    ActionListParams, ContainerImageListParams, ContainerListParams, DatabaseListParams,
    EventListParams, FirewallListParams, FunctionListParams, ImageListParams, InstanceListParams,
    ListParams, LoadBalancerListParams, NetworkListParams, Pagination, ReservedIpListParams,
    SnapshotListParams, VolumeListParams, VpcListParams,
};

/// One page of a list: its items and where the next page starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The items on this page.
    pub data: Vec<T>,
    /// The cursor of the next page.
    pub pagination: Pagination,
}

impl<T> Page<T> {
    /// The cursor to pass for the next page, or `None` on the last page.
    pub fn next_cursor(&self) -> Option<&str> {
        if self.pagination.has_more {
            self.pagination.next_cursor.as_deref()
        } else {
            None
        }
    }
}

/// List parameters whose cursor the stream can move along.
pub(crate) trait PageQuery: Serialize + Send + Sync + 'static {
    /// The same filters, starting at `cursor`.
    fn at_cursor(self, cursor: String) -> Self;
}

macro_rules! page_query {
    ($($params:ty),*) => {$(
        impl PageQuery for $params {
            fn at_cursor(self, cursor: String) -> Self {
                Self { cursor: Some(cursor), ..self }
            }
        }
    )*};
}
page_query!(
    ListParams,
    ContainerImageListParams,
    ContainerListParams,
    InstanceListParams,
    ActionListParams,
    DatabaseListParams,
    EventListParams,
    VpcListParams,
    NetworkListParams,
    FirewallListParams,
    LoadBalancerListParams,
    ReservedIpListParams,
    VolumeListParams,
    SnapshotListParams,
    ImageListParams,
    FunctionListParams
);

/// Fetches one page of the list operation `list`.
pub(crate) async fn page<T: DeserializeOwned, Q: Serialize + ?Sized>(
    transport: &Transport,
    list: OpCall,
    query: &Q,
) -> Result<Page<T>> {
    transport.json(list.query(query)).await
}

/// Every item of the list operation `list`, page after page, from the cursor in `query` (or the
/// start). The stream fetches a page only when the previous one is used up, and ends after the
/// first error.
pub(crate) fn every_item<T, Q>(
    transport: Arc<Transport>,
    list: OpCall,
    query: Q,
) -> BoxStream<'static, Result<T>>
where
    T: DeserializeOwned + Send + 'static,
    Q: PageQuery,
{
    let path = list.list_path();
    stream::try_unfold(Some(query), move |next| {
        let transport = Arc::clone(&transport);
        let path = path.clone();
        async move {
            let Some(query) = next else { return Ok(None) };
            let page: Page<T> = transport.json(Call::get(&path, &query)).await?;
            let after = page
                .next_cursor()
                .map(|cursor| query.at_cursor(cursor.to_owned()));
            Ok(Some((stream::iter(page.data.into_iter().map(Ok)), after)))
        }
    })
    .try_flatten()
    .boxed()
}
