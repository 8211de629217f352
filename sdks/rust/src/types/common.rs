use serde::{Deserialize, Serialize};

/// Where a list page sits: the cursor of the next page, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pagination {
    /// Pass as `cursor` to get the next page; `None` on the last page.
    pub next_cursor: Option<String>,
    /// Whether another page follows.
    pub has_more: bool,
}

/// One problem with one input field of a rejected request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Property path of the offending input, e.g. `region` or `ssh_keys[0]`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

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
