use std::sync::Arc;

use futures::stream::BoxStream;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::types::{Event, EventListParams};
use crate::Client;

/// The audit trail: every change to the account's resources.
#[derive(Debug, Clone, Copy)]
pub struct EventsResource<'a> {
    client: &'a Client,
}

impl<'a> EventsResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        EventsResource { client }
    }

    /// One page of events, newest first.
    pub async fn list(&self, params: &EventListParams) -> Result<Page<Event>> {
        page(
            &self.client.transport,
            self.client.op("listEvents", &[]),
            params,
        )
        .await
    }

    /// Every matching event, fetching further pages as the stream is read.
    pub fn list_all(&self, params: EventListParams) -> BoxStream<'static, Result<Event>> {
        every_item(
            Arc::clone(&self.client.transport),
            self.client.op("listEvents", &[]),
            params,
        )
    }

    /// One event by id.
    pub async fn retrieve(&self, id: &str) -> Result<Event> {
        self.client
            .transport
            .json(self.client.op("getEvent", &[("id", id)]))
            .await
    }
}
