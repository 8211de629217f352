use futures::stream::BoxStream;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::Arc;

use crate::core::error::Result;
use crate::core::pagination::{every_item, page, Page};
use crate::core::request::RequestOptions;
use crate::types::{
    Action, CreateFunction, Function, FunctionAccepted, FunctionInvocation,
    FunctionInvocationAccepted, FunctionListParams, FunctionRuntime, ListParams, PatchFunction,
    UpdateFunction,
};
use crate::Client;

/// The query of an invocation in the background.
const IN_BACKGROUND: &[(&str, &str)] = &[("async", "true")];

/// Functions: code on an installed runtime, deployed as numbered versions. Deploys and deletes
/// run asynchronously (`*_and_wait` returns once done); invocations answer with their outcome.
#[derive(Debug, Clone, Copy)]
pub struct FunctionsResource<'a> {
    client: &'a Client,
}

impl<'a> FunctionsResource<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        FunctionsResource { client }
    }

    /// One page of the runtimes the server's host has installed (`nodejs20`, `python3.11`…).
    pub async fn runtimes(&self, params: &ListParams) -> Result<Page<FunctionRuntime>> {
        let call = self.client.op("listFunctionRuntimes", &[]);
        page(&self.client.transport, call, params).await
    }

    /// One page of functions, newest first.
    pub async fn list(&self, params: &FunctionListParams) -> Result<Page<Function>> {
        let call = self.client.op("listFunctions", &[]);
        page(&self.client.transport, call, params).await
    }

    /// Every function, fetching further pages as the stream is read.
    pub fn list_all(&self, params: FunctionListParams) -> BoxStream<'static, Result<Function>> {
        let call = self.client.op("listFunctions", &[]);
        every_item(Arc::clone(&self.client.transport), call, params)
    }

    /// Creates a function, still `deploying` version 1.
    pub async fn create(&self, body: &CreateFunction) -> Result<Function> {
        let call = self
            .client
            .op("createFunction", &[])
            .body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Creates the function and returns it once its deploy succeeded (`active`).
    pub async fn create_and_wait(&self, body: &CreateFunction) -> Result<Function> {
        let created = self.create(body).await?;
        self.client.actions().wait_for_create(&created.id).await?;
        self.retrieve(&created.id).await
    }

    /// One function by id.
    pub async fn retrieve(&self, id: &str) -> Result<Function> {
        let call = self.client.op("getFunction", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// `PATCH /v2/functions/{id}`: a JSON merge-patch of the name and labels (a label set to
    /// `None` is removed, `Some(None)` removes them all), at once: nothing is redeployed, where
    /// [`Self::update`] deploys a new version.
    pub async fn patch(&self, id: &str, body: &PatchFunction) -> Result<Function> {
        let call = self.client.op("patchFunction", &[("id", id)]);
        let call = call.body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// Starts deploying new source or settings as the next version.
    pub async fn update(&self, id: &str, body: &UpdateFunction) -> Result<FunctionAccepted> {
        let call = self
            .client
            .op("updateFunction", &[("id", id)])
            .body(body, RequestOptions::default());
        self.client.transport.json(call).await
    }

    /// [`Self::update`], returning the completed action.
    pub async fn update_and_wait(&self, id: &str, body: &UpdateFunction) -> Result<Action> {
        let accepted = self.update(id, body).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }

    /// Starts deleting the function with its workers, source and invocations.
    pub async fn delete(&self, id: &str) -> Result<FunctionAccepted> {
        let call = self.client.op("deleteFunction", &[("id", id)]);
        self.client.transport.json(call).await
    }

    /// [`Self::delete`], returning the completed action.
    pub async fn delete_and_wait(&self, id: &str) -> Result<Action> {
        let accepted = self.delete(id).await?;
        self.client.actions().wait_for(&accepted.action_id).await
    }

    /// Runs the function with `event`: a thrown error or a timeout is the answer's `status`.
    pub async fn invoke(&self, id: &str, event: &impl Serialize) -> Result<FunctionInvocation> {
        self.send_invoke(id, event, false).await
    }

    /// Starts the function in the background: the invocation id, for [`Self::retrieve_invocation`].
    pub async fn invoke_async(
        &self,
        id: &str,
        event: &impl Serialize,
    ) -> Result<FunctionInvocationAccepted> {
        self.send_invoke(id, event, true).await
    }

    /// One operation, two answers: the outcome (200), or the invocation id (202) in the background.
    async fn send_invoke<T: DeserializeOwned>(
        &self,
        id: &str,
        event: &impl Serialize,
        background: bool,
    ) -> Result<T> {
        let call = self
            .client
            .op("invokeFunction", &[("id", id)])
            .body(event, RequestOptions::default());
        let query: &[(&str, &str)] = if background { IN_BACKGROUND } else { &[] };
        self.client.transport.json(call.query(query)).await
    }

    /// One page of the function's invocations, newest first.
    pub async fn invocations(
        &self,
        id: &str,
        params: &ListParams,
    ) -> Result<Page<FunctionInvocation>> {
        let call = self.client.op("listFunctionInvocations", &[("id", id)]);
        page(&self.client.transport, call, params).await
    }

    /// One invocation of the function.
    pub async fn retrieve_invocation(
        &self,
        id: &str,
        invocation_id: &str,
    ) -> Result<FunctionInvocation> {
        let call = self.client.op(
            "getFunctionInvocation",
            &[("id", id), ("inv_id", invocation_id)],
        );
        self.client.transport.json(call).await
    }
}
