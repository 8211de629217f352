//! Query parameters of the list and metrics operations. The spec declares them per operation,
//! not in `components.schemas`, so they are written here; the bodies and answers are generated.

use serde::{Deserialize, Serialize};

use super::{ActionStatus, DatabaseEngineId, DatabaseMetricType, InstanceStatus, MetricType};

/// Paging for lists without filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListParams {
    /// Results per page, 1 to 100 (the server defaults to 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl ListParams {
    /// Pages of `limit` results.
    pub fn limit(limit: u32) -> Self {
        ListParams {
            limit: Some(limit),
            cursor: None,
        }
    }
}

/// Filters and paging for `GET /v2/actions`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionListParams {
    /// Only actions on this resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// Only actions in this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ActionStatus>,
    /// Results per page, 1 to 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
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

/// Filters and paging for `GET /v2/databases`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseListParams {
    /// Only databases in this region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Only databases of this engine.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine: Option<DatabaseEngineId>,
    /// Only databases in this network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
    /// Kubernetes-style selector, e.g. `env=prod,!legacy`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_selector: Option<String>,
    /// Results per page, 1 to 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Query of `GET /v2/databases/{id}/metrics`.
pub type DatabaseMetricsParams = MetricsParams<DatabaseMetricType>;

/// Filters and paging for `GET /v2/events`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventListParams {
    /// An exact type (`instance.created`) or a prefix (`instance.*`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// Only events about this resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// Events at or after this time (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// Events before this time (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Results per page, 1 to 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}
