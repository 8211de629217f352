//! Request and response types, with the field names the API uses on the wire. The bodies and
//! answers are generated from `spec/openapi.json` (`scripts/generate.mjs`); the query parameters
//! of lists and metrics are in [`params`](self) because the spec declares them per operation.

mod params;
mod resource_params;

pub use crate::generated::models::*;
pub use params::{
    ActionListParams, DatabaseListParams, DatabaseMetricsParams, EventListParams,
    InstanceListParams, ListParams, MetricsParams,
};
pub use resource_params::{
    AttachmentState, ContainerImageListParams, ContainerListParams, ContainerLogsParams,
    FirewallListParams, FunctionListParams, ImageListParams, LoadBalancerListParams,
    NetworkListParams, ReservedIpListParams, SnapshotListParams, VolumeListParams, VpcListParams,
};
