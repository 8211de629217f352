//! The client: configuration, and one accessor per API resource.

use std::sync::Arc;
use std::time::Duration;

use crate::core::config::Options;
use crate::core::error::Result;
use crate::core::transport::{Call, OpCall, Transport};
use crate::resources::{
    account::AccountResource, actions::ActionsResource, api_keys::ApiKeysResource,
    catalog::CatalogResource, databases::DatabasesResource, events::EventsResource,
    instances::InstancesResource, ssh_keys::SshKeysResource,
};
use crate::resources::{
    backup_policies::BackupPoliciesResource, firewalls::FirewallsResource,
    functions::FunctionsResource, images::ImagesResource, load_balancers::LoadBalancersResource,
    networks::NetworksResource, reserved_ips::ReservedIpsResource, snapshots::SnapshotsResource,
    volumes::VolumesResource, vpcs::VpcsResource, webhooks::WebhooksResource,
};
use crate::resources::{container_images::ContainerImagesResource, containers::ContainersResource};
use crate::types::{DatabaseEngine, Plan, Region};

pub use crate::core::config::DEFAULT_BASE_URL;

/// A CloudNexus API client. Cheap to clone: clones share one connection pool.
#[derive(Debug, Clone)]
pub struct Client {
    pub(crate) transport: Arc<Transport>,
}

impl Client {
    /// A client with `api_key`; everything else from the environment or the defaults
    /// (see [`ClientBuilder`]).
    pub fn new(api_key: impl Into<String>) -> Result<Self> {
        Client::builder().api_key(api_key).build()
    }

    /// A client configured entirely from `CLOUDNEXUS_API_KEY`, `CLOUDNEXUS_BASE_URL` and
    /// `CLOUDNEXUS_CA_CERT`; fails with [`crate::Error::Config`] when no API key is set.
    pub fn from_env() -> Result<Self> {
        Client::builder().build()
    }

    /// A builder for every option.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The call for operation `id` of `spec/openapi.json` (see [`Call::op`]); every SDK method
    /// starts here, so the operationId literal it names decides where the request goes.
    pub(crate) fn op(&self, id: &'static str, params: &[(&str, &str)]) -> OpCall {
        Call::op(id, params)
    }

    /// `GET /v2/account`.
    pub fn account(&self) -> AccountResource<'_> {
        AccountResource::new(self)
    }

    /// `/v2/regions`.
    pub fn regions(&self) -> CatalogResource<'_, Region> {
        CatalogResource::new(
            self,
            |c| c.op("listRegions", &[]),
            |c, id| c.op("getRegion", &[("id", id)]),
        )
    }

    /// `/v2/plans`.
    pub fn plans(&self) -> CatalogResource<'_, Plan> {
        CatalogResource::new(
            self,
            |c| c.op("listPlans", &[]),
            |c, id| c.op("getPlan", &[("id", id)]),
        )
    }

    /// `/v2/images`: the OS catalog and your custom images.
    pub fn images(&self) -> ImagesResource<'_> {
        ImagesResource::new(self)
    }

    /// `/v2/ssh_keys`.
    pub fn ssh_keys(&self) -> SshKeysResource<'_> {
        SshKeysResource::new(self)
    }

    /// `/v2/api_keys`.
    pub fn api_keys(&self) -> ApiKeysResource<'_> {
        ApiKeysResource::new(self)
    }

    /// `/v2/instances`.
    pub fn instances(&self) -> InstancesResource<'_> {
        InstancesResource::new(self)
    }

    /// `/v2/container_images`.
    pub fn container_images(&self) -> ContainerImagesResource<'_> {
        ContainerImagesResource::new(self)
    }

    /// `/v2/containers`.
    pub fn containers(&self) -> ContainersResource<'_> {
        ContainersResource::new(self)
    }

    /// `/v2/actions`.
    pub fn actions(&self) -> ActionsResource<'_> {
        ActionsResource::new(self)
    }

    /// `/v2/databases`, with its users, backups and metrics.
    pub fn databases(&self) -> DatabasesResource<'_> {
        DatabasesResource::new(self)
    }

    /// `/v2/database_engines`.
    pub fn database_engines(&self) -> CatalogResource<'_, DatabaseEngine> {
        CatalogResource::new(
            self,
            |c| c.op("listDatabaseEngines", &[]),
            |c, id| c.op("getDatabaseEngine", &[("id", id)]),
        )
    }

    /// `/v2/events`.
    pub fn events(&self) -> EventsResource<'_> {
        EventsResource::new(self)
    }

    /// `/v2/backup_policies`.
    pub fn backup_policies(&self) -> BackupPoliciesResource<'_> {
        BackupPoliciesResource::new(self)
    }

    /// `/v2/firewalls`.
    pub fn firewalls(&self) -> FirewallsResource<'_> {
        FirewallsResource::new(self)
    }

    /// `/v2/functions` and `/v2/function_runtimes`.
    pub fn functions(&self) -> FunctionsResource<'_> {
        FunctionsResource::new(self)
    }

    /// `/v2/load_balancers`.
    pub fn load_balancers(&self) -> LoadBalancersResource<'_> {
        LoadBalancersResource::new(self)
    }

    /// `/v2/networks`.
    pub fn networks(&self) -> NetworksResource<'_> {
        NetworksResource::new(self)
    }

    /// `/v2/reserved_ips`, with assign and unassign.
    pub fn reserved_ips(&self) -> ReservedIpsResource<'_> {
        ReservedIpsResource::new(self)
    }

    /// `/v2/snapshots` (take them with `volumes().snapshot`).
    pub fn snapshots(&self) -> SnapshotsResource<'_> {
        SnapshotsResource::new(self)
    }

    /// `/v2/volumes`, with attach, detach, resize and snapshots.
    pub fn volumes(&self) -> VolumesResource<'_> {
        VolumesResource::new(self)
    }

    /// `/v2/vpcs`.
    pub fn vpcs(&self) -> VpcsResource<'_> {
        VpcsResource::new(self)
    }

    /// `/v2/webhooks`, with deliveries and test events.
    pub fn webhooks(&self) -> WebhooksResource<'_> {
        WebhooksResource::new(self)
    }
}

/// Configures a [`Client`]. Each option left unset falls back to its environment variable, then
/// to its default.
#[derive(Debug, Clone, Default)]
pub struct ClientBuilder {
    options: Options,
}

impl ClientBuilder {
    /// The API key (`cnx_live_…`); else `CLOUDNEXUS_API_KEY`; required.
    pub fn api_key(mut self, api_key: impl Into<String>) -> Self {
        self.options.api_key = Some(api_key.into());
        self
    }

    /// The API root, ending in `/v2`; else `CLOUDNEXUS_BASE_URL`; else [`DEFAULT_BASE_URL`].
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.options.base_url = Some(base_url.into());
        self
    }

    /// PEM certificate(s) to trust in addition to the built-in roots, e.g. a private CA or a
    /// self-signed test server; else the PEM file named by `CLOUDNEXUS_CA_CERT`.
    pub fn ca_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.options.ca_pem = Some(pem.into());
        self
    }

    /// The limit for one HTTP request, per attempt; default 60 s.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options.timeout = Some(timeout);
        self
    }

    /// How often to retry a rate-limited, failed (500/502/503/504) or disconnected request;
    /// default 2. `0` turns retries off.
    pub fn max_retries(mut self, max_retries: u32) -> Self {
        self.options.max_retries = Some(max_retries);
        self
    }

    /// How long `*_and_wait` methods and `actions().wait_for` wait for an action; default 10 min.
    pub fn wait_timeout(mut self, wait_timeout: Duration) -> Self {
        self.options.wait_timeout = Some(wait_timeout);
        self
    }

    /// Builds the client, reading the environment for unset options.
    pub fn build(self) -> Result<Client> {
        let settings = self.options.resolve(|name| std::env::var(name).ok())?;
        Ok(Client {
            transport: Arc::new(Transport::new(settings)?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{CreateInstance, ListParams};

    fn send<T: Send>(_: T) {}

    #[test]
    fn client_errors_and_call_futures_can_cross_threads() {
        fn send_sync_static<T: Send + Sync + 'static>() {}
        send_sync_static::<Client>();
        send_sync_static::<crate::Error>();

        let client = Client::builder().api_key("k").build().unwrap();
        // Built, never polled: only their types matter here, for tokio::spawn.
        send(
            client
                .instances()
                .create_and_wait(&CreateInstance::default()),
        );
        send(client.actions().wait_for("act_1"));
        send(client.regions().list_all(ListParams::default()));
    }
}
