use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One change to an account's resources (`GET /v2/events/{id}`), also what webhooks deliver.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Event id, `evt_…`; receivers drop duplicate deliveries by it.
    pub id: String,
    /// What happened, `<resource_type>.<verb>`, e.g. `instance.status_changed`.
    #[serde(rename = "type")]
    pub r#type: String,
    /// The kind of resource, e.g. `instance`.
    pub resource_type: String,
    /// The resource it happened to.
    pub resource_id: String,
    /// Who made the change.
    pub actor: Actor,
    /// The request that made it; `None` for the system.
    pub request_id: Option<String>,
    /// The resource after the change, or the change itself.
    pub data: Map<String, Value>,
    /// When it happened.
    pub created_at: String,
}

/// Who made a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// An API key, a dashboard user, or the system (the engine).
    #[serde(rename = "type")]
    pub r#type: ActorType,
    /// The key or user id; `None` for the system.
    pub id: Option<String>,
}

/// The kinds of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    /// A call made with an API key.
    ApiKey,
    /// A change made in the dashboard.
    DashboardUser,
    /// A change the engine made as an action ran.
    System,
}

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
