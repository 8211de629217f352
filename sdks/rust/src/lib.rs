#![doc = include_str!("../README.md")]
// Layout: `Client` holds the configuration and the HTTP transport (`core`), one accessor per API
// resource (`resources`), and the wire types in `types`, named exactly as on the wire.
#![warn(missing_docs)]

mod client;
mod core;
mod generated;
mod resources;
pub mod types;
pub mod webhooks;

pub use crate::client::{Client, ClientBuilder, DEFAULT_BASE_URL};
pub use crate::core::error::{ApiError, Error, Result};
pub use crate::core::pagination::Page;
pub use crate::core::request::RequestOptions;
pub use crate::resources::{
    account::AccountResource,
    actions::ActionsResource,
    api_keys::ApiKeysResource,
    catalog::CatalogResource,
    databases::{DatabaseUsersResource, DatabasesResource},
    events::EventsResource,
    instances::InstancesResource,
    ssh_keys::SshKeysResource,
};
pub use crate::resources::{
    backup_policies::BackupPoliciesResource, firewalls::FirewallsResource,
    functions::FunctionsResource, images::ImagesResource, load_balancers::LoadBalancersResource,
    networks::NetworksResource, reserved_ips::ReservedIpsResource, snapshots::SnapshotsResource,
    volumes::VolumesResource, vpcs::VpcsResource, webhooks::WebhooksResource,
};
pub use crate::resources::{
    container_images::ContainerImagesResource, containers::ContainersResource,
};
