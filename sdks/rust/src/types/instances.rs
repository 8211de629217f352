use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A virtual machine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instance {
    /// Instance id, `inst_…`.
    pub id: String,
    /// Hostname-safe name, unique per region.
    pub name: String,
    /// Region id.
    pub region: String,
    /// Lifecycle status.
    pub status: InstanceStatus,
    /// vCPUs.
    pub cpu: u32,
    /// Memory in GB.
    pub memory_gb: f64,
    /// Private IPv4 in its network; `None` until assigned.
    pub ipv4: Option<String>,
    /// The private network it joined.
    pub network_id: Option<String>,
    /// Plan id.
    pub plan: String,
    /// Image slug.
    pub image: String,
    /// Ids of the SSH keys installed at creation.
    pub ssh_keys: Vec<String>,
    /// Ids of the volumes attached to it.
    pub volume_ids: Vec<String>,
    /// Key/value labels, matched by `label_selector`.
    pub labels: BTreeMap<String, String>,
    /// When it was created.
    pub created_at: String,
    /// When it last changed.
    pub updated_at: String,
}

/// An instance's lifecycle status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InstanceStatus {
    /// Being created.
    Provisioning,
    /// Up.
    Running,
    /// Powered off.
    Stopped,
    /// Restarting.
    Rebooting,
    /// Changing plan.
    Resizing,
    /// Being deleted.
    Deleting,
}

/// Body of `POST /v2/instances`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateInstance {
    /// Hostname-safe: letters, digits and inner hyphens, 1 to 63 characters; unique per region.
    pub name: String,
    /// A region id from `regions().list`.
    pub region: String,
    /// A plan id from `plans().list`.
    pub plan: String,
    /// An image slug from `images().list`.
    pub image: String,
    /// Ids of SSH keys to install.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ssh_keys: Option<Vec<String>>,
    /// Base64-encoded cloud-init script, at most 64 KiB decoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_data: Option<String>,
    /// Up to 64 key/value labels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    /// A network in the same region; by default the region's default network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
}

/// Body of `PUT /v2/instances/{id}/resize`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResizeInstance {
    /// The new plan id.
    pub plan: String,
}

/// The 202 answer to restart, stop, start, resize and delete: the work runs as an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstanceActionAccepted {
    /// The instance id.
    pub id: String,
    /// The instance's status now.
    pub status: InstanceStatus,
    /// e.g. `Restart initiated successfully`.
    pub message: String,
    /// The action to follow (see `actions().wait_for`).
    pub action_id: String,
}

/// Filters and paging for `GET /v2/instances`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstanceListParams {
    /// Only instances in this region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Only instances in this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<InstanceStatus>,
    /// Only the instance with exactly this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Kubernetes-style selector, e.g. `env=prod,tier in (web,api),!legacy`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_selector: Option<String>,
    /// Results per page, 1 to 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Which metric to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricType {
    /// CPU utilisation.
    Cpu,
    /// Memory use.
    Memory,
    /// Network traffic.
    Network,
}

/// Query of a metrics endpoint: `GET /v2/instances/{id}/metrics` with the default `T`, or
/// [`DatabaseMetricsParams`](crate::types::DatabaseMetricsParams) for databases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetricsParams<T = MetricType> {
    /// Which metric.
    #[serde(rename = "type")]
    pub r#type: T,
    /// Start of the range (ISO-8601); the server defaults to one hour before `end`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// End of the range (ISO-8601); the server defaults to now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Seconds between points, 10 to 86400 (the server defaults to 60).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<u32>,
}

impl<T> MetricsParams<T> {
    /// The last hour of `r#type` at the default step.
    pub fn new(r#type: T) -> Self {
        MetricsParams {
            r#type,
            start: None,
            end: None,
            step: None,
        }
    }
}

/// Answer to `GET /v2/instances/{id}/metrics`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstanceMetrics {
    /// The instance.
    pub instance_id: String,
    /// Which metric.
    #[serde(rename = "type")]
    pub r#type: MetricType,
    /// Start of the range.
    pub start: String,
    /// End of the range.
    pub end: String,
    /// Seconds between points.
    pub step: u32,
    /// One series per measured quantity.
    pub series: Vec<MetricSeries>,
}

/// One measured quantity over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricSeries {
    /// e.g. `cpu_utilization`.
    pub name: String,
    /// e.g. `percent`.
    pub unit: String,
    /// The values, oldest first.
    pub points: Vec<MetricPoint>,
}

/// One value at one time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricPoint {
    /// Point in time.
    pub timestamp: String,
    /// The value.
    pub value: f64,
}
