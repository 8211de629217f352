use futures::stream::BoxStream;
use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{
    Action, CreateLoadBalancer, LoadBalancer, LoadBalancerAccepted, LoadBalancerListParams,
    PatchLoadBalancer, UpdateLoadBalancer,
};
use crate::Client;

/// Load balancers. Changes run asynchronously: `update` and `delete` return as soon as the
/// server accepted them, and their `*_and_wait` twins once the work is done.
#[derive(Debug, Clone, Copy)]
pub struct LoadBalancersResource<'a> {
    client: &'a Client,
}

impl<'a> LoadBalancersResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        LoadBalancersResource { client }
    }

    /// One page of load balancers, newest first.
    pub async fn list(&self, params: &LoadBalancerListParams) -> Result<Page<LoadBalancer>> {
        let call = self.client.op("listLoadBalancers", &[]);
        page(&self.client.transport, call, params).await
    }

    /// Every one of load balancers, fetching further pages as the stream is read.
    pub fn list_all(
        &self,
        params: LoadBalancerListParams,
    ) -> BoxStream<'static, Result<LoadBalancer>> {
        let call = self.client.op("listLoadBalancers", &[]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// Creates a load balancer, still `provisioning`.
    pub async fn create(&self, body: &CreateLoadBalancer) -> Result<LoadBalancer> {
        self.create_with(body, RequestOptions::default()).await
    }

    /// [`Self::create`] with per-call options such as an `Idempotency-Key`.
    pub async fn create_with(
        &self,
        body: &CreateLoadBalancer,
        options: RequestOptions,
    ) -> Result<LoadBalancer> {
        let call = self
            .client
            .op("createLoadBalancer", &[])
            .body(body, options);
        self.client.transport.json(call).await
    }

    /// Creates the load balancer and returns it once its create action completed (`active`).
    pub async fn create_and_wait(&self, body: &CreateLoadBalancer) -> Result<LoadBalancer> {
        let created = self.create(body).await?;
        self.client.actions().wait_for_create(&created.id).await?;
        self.retrieve(&created.id).await
    }

    /// One load balancer by id.
    pub async fn retrieve(&self, id: &str) -> Result<LoadBalancer> {
        let call = self.client.op("getLoadBalancer", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// `PATCH /v2/load_balancers/{id}`: a JSON merge-patch of the name and labels, at once and
    /// with no action, where [`Self::update`] replaces the rules and targets.
    pub async fn patch(&self, id: &str, body: &PatchLoadBalancer) -> Result<LoadBalancer> {
        let call = self.client.op("patchLoadBalancer", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Starts a change of the load balancer's rules, targets or health check.
    pub async fn update(
        &self,
        id: &str,
        body: &UpdateLoadBalancer,
    ) -> Result<LoadBalancerAccepted> {
        self.client
            .transport
            .json(
                self.client
                    .op("updateLoadBalancer", &[("id", id)])
                    .body(body, RequestOptions::default()),
            )
            .await
    }

    /// [`Self::update`], returning the completed action.
    pub async fn update_and_wait(&self, id: &str, body: &UpdateLoadBalancer) -> Result<Action> {
        let accepted = self.update(id, body).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }

    /// Starts deleting the load balancer.
    pub async fn delete(&self, id: &str) -> Result<LoadBalancerAccepted> {
        self.client
            .transport
            .json(self.client.op("deleteLoadBalancer", &[("id", id)]))
            .await
    }

    /// [`Self::delete`], returning the completed action.
    pub async fn delete_and_wait(&self, id: &str) -> Result<Action> {
        let accepted = self.delete(id).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }
}
