use serde::{Deserialize, Serialize};

/// One asynchronous operation on a resource (`GET /v2/actions/{id}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// Action id, `act_…`.
    pub id: String,
    /// What it does, e.g. `create`, `restart`, `resize`, `delete`.
    #[serde(rename = "type")]
    pub r#type: String,
    /// Where it stands.
    pub status: ActionStatus,
    /// The resource it acts on.
    pub resource_id: String,
    /// The kind of resource, e.g. `instance`.
    pub resource_type: String,
    /// When it started.
    pub started_at: String,
    /// When it finished, if it has.
    pub completed_at: Option<String>,
    /// Why it errored; `None` otherwise.
    pub error: Option<String>,
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    /// Still running.
    InProgress,
    /// Finished successfully.
    Completed,
    /// Finished with an error.
    Errored,
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
